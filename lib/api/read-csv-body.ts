// Reads a CSV request body as text: 415 unless it is declared `text/csv`, 413
// past the size limit. Like JSON, `text/csv` is not a type a cross-site HTML
// form can send.
import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { readBodyText } from "@/lib/api/read-json-body";

export async function readCsvBody(request: Request, { maxBytes }: { maxBytes: number }): Promise<string> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "text/csv") {
    throw new AppError("unsupported_media_type", "Send the file as the request body with `Content-Type: text/csv`");
  }
  return readBodyText(request, maxBytes);
}
