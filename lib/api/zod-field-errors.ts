// Flattens a ZodError into { "dateRange.from": ["…"] } so clients can show
// each message next to its field.
import type { ZodError } from "zod";
import type { FieldErrors } from "@/lib/errors/app-error";

export function zodFieldErrors(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "body";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
