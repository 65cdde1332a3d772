// Reads and validates a JSON request body: 415 unless it is declared
// `application/json`, 413 past the size limit, 400 for malformed JSON, 400 with
// field details when the schema refuses it. The media type matters beyond
// tidiness: a cross-site HTML form can only send form and text bodies.
import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { zodFieldErrors } from "@/lib/api/zod-field-errors";

export const defaultMaxBodyBytes = 64 * 1024;

export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  { maxBytes = defaultMaxBodyBytes }: { maxBytes?: number } = {},
): Promise<z.output<Schema>> {
  const isJson = isJsonContentType(request.headers.get("content-type"));
  const text = await readBodyText(request, maxBytes);
  // An empty body stands for `{}` whatever its (absent) type says.
  if (!isJson && text.trim() !== "") {
    throw new AppError("unsupported_media_type", "Send the request body as JSON with `Content-Type: application/json`");
  }
  let json: unknown;
  try {
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

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
export function isJsonContentType(header: string | null): boolean {
  return header?.split(";")[0]?.trim().toLowerCase() === "application/json";
}

/** The whole body as text, refused with 413 as soon as it passes `maxBytes` (declared or streamed). */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function tooLarge(maxBytes: number) {
  return new AppError("payload_too_large", `The request body is larger than ${Math.round(maxBytes / 1024)} KB`);
}
