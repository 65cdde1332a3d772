// Reads and validates a JSON request body: 415 unless it is declared
// `application/json`, 413 past the size limit, 400 for malformed JSON, 400 with
// field details when the schema refuses it. The media type matters beyond
// tidiness: a cross-site HTML form can only send form and text bodies.
import "server-only";
import type { z } from "zod";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { AppError } from "@/lib/errors/app-error";

export const defaultMaxBodyBytes = 64 * 1024;

export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  { maxBytes = defaultMaxBodyBytes }: { maxBytes?: number } = {},
): Promise<z.output<Schema>> {
  return parseJsonBody(await readJsonBodyBytes(request, maxBytes), schema);
}

/**
 * The body's bytes, unparsed, in memory of their own (so they can move to
 * another thread): 415 unless declared JSON or blank, 413 past `maxBytes`.
 */
export async function readJsonBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const isJson = isJsonContentType(request.headers.get("content-type"));
  const body = await readBodyBytes(request, maxBytes);
  // An empty body stands for `{}` whatever its (absent) type says.
  if (!isJson && new TextDecoder().decode(body).trim() !== "") {
    throw new AppError("unsupported_media_type", "Send the request body as JSON with `Content-Type: application/json`");
  }
  return body;
}

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
export function isJsonContentType(header: string | null): boolean {
  return header?.split(";")[0]?.trim().toLowerCase() === "application/json";
}

/** The whole body as text, refused with 413 as soon as it passes `maxBytes` (declared or streamed). */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, maxBytes));
}

async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
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
  // Not Buffer.concat: a small result would be a slice of node's shared buffer pool.
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

function tooLarge(maxBytes: number) {
  return new AppError("payload_too_large", `The request body is larger than ${Math.round(maxBytes / 1024)} KB`);
}
