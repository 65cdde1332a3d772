// A request body's bytes as the value a schema accepts: 400 for malformed
// JSON, 400 with field details when the schema refuses it. No server-only
// imports: the ingest writer thread parses the batches it is handed with it.
import type { z } from "zod";
import { zodFieldErrors } from "@/lib/api/zod-field-errors";
import { AppError } from "@/lib/errors/app-error";

export function parseJsonBody<Schema extends z.ZodType>(body: Uint8Array, schema: Schema): z.output<Schema> {
  const text = new TextDecoder().decode(body);
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
