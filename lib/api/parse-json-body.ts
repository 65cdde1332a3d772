// A request body's bytes as the value a schema accepts: 400 for malformed
// JSON, 400 naming the field for a `__proto__` key, for text that is not valid
// Unicode, or when the schema refuses it. No server-only imports: the ingest
// writer thread parses the batches it is handed with it.
import { isAscii } from "node:buffer";
import secureJson from "secure-json-parse";
import type { z } from "zod";
import { zodFieldErrors } from "@/lib/api/zod-field-errors";
import { AppError } from "@/lib/errors/app-error";
import { joinJsonPath } from "@/lib/json/find-json-path";
import { findLoneSurrogatePath, mayHoldLoneSurrogate } from "@/lib/json/find-lone-surrogate-path";
import { findProtoKeyPath } from "@/lib/json/find-proto-key-path";

// `__proto__` keys are refused (find-proto-key-path.ts says why); `constructor`
// keys are plain data that every copy keeps, so they stay accepted.
const refuseProtoKeys = { protoAction: "error", constructorAction: "ignore" } as const;

export function parseJsonBody<Schema extends z.ZodType>(body: Uint8Array, schema: Schema): z.output<Schema> {
  const text = decodeUtf8(body);
  const json = text.trim() === "" ? {} : parseJsonText(text);
  const illFormed = mayHoldLoneSurrogate(text) ? findLoneSurrogatePath(json) : null;
  if (illFormed) {
    throw new AppError("validation_failed", "The request is invalid", {
      fields: {
        [joinJsonPath(illFormed)]: ["Not valid Unicode text: a lone surrogate (\\uD800–\\uDFFF) cannot be stored"],
      },
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new AppError("validation_failed", "The request is invalid", { fields: zodFieldErrors(parsed.error) });
  }
  return parsed.data;
}

/** The text's JSON value: 400 when it is not JSON, 400 naming the key when it holds `__proto__`. */
function parseJsonText(text: string): unknown {
  try {
    return secureJson.parse(text, undefined, refuseProtoKeys);
  } catch {
    // Either malformed or refused: only the plain parse tells which.
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON");
  }
  const path = joinJsonPath(findProtoKeyPath(json) ?? []);
  throw new AppError("validation_failed", "The request is invalid", {
    fields: { [path]: ["`__proto__` is not accepted as a key"] },
  });
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
