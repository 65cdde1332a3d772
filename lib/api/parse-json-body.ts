// A request body's bytes as the value a schema accepts: 400 for malformed
// JSON, 400 with field details when the schema refuses it. No server-only
// imports: the ingest writer thread parses the batches it is handed with it.
import { isAscii } from "node:buffer";
import type { z } from "zod";
import { zodFieldErrors } from "@/lib/api/zod-field-errors";
import { AppError } from "@/lib/errors/app-error";

export function parseJsonBody<Schema extends z.ZodType>(body: Uint8Array, schema: Schema): z.output<Schema> {
  const text = decodeUtf8(body);
  let json: unknown;
  try {
    // An empty body stands for `{}`.
    json = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new AppError("validation_failed", "The request is invalid", { fields: zodFieldErrors(parsed.error) });
  }
  return parsed.data;
}

/**
 * UTF-8 text of the body. ASCII bytes read the same as Latin-1, which V8 takes
 * as a one-byte string without decoding, and JSON.parse reads such a string
 * faster; most ingest batches are all ASCII (docs/benchmarks.md, ingest bodies).
 * Other bodies go through TextDecoder, which also drops a leading BOM.
 */
function decodeUtf8(body: Uint8Array): string {
  if (!isAscii(body)) return new TextDecoder().decode(body);
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("latin1");
}
