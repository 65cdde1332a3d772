// The API's one error body (lib/api/to-error-response.ts), as tests read it.
import type { FieldErrors } from "@/lib/errors/app-error";

export type ErrorBody = { error: { code: string; message: string; details?: { fields?: FieldErrors } } };
