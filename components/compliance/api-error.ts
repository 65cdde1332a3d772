// The API's one error body, `{ error: { code, message, details? } }`, as a thrown value
// the UI can read field messages from (details.fields: { "dateRange.from": ["…"] }).
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; details?: { fields?: unknown } } };

function readFields(value: unknown): Record<string, string[]> {
  if (!value || typeof value !== "object") return {};
  const fields: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) fields[path] = messages.filter((m): m is string => typeof m === "string");
  }
  return fields;
}

/** Builds an ApiError from a failed response, whatever its body turned out to be. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy error page, an empty body): fall back to the status line.
  }
  const error = body.error ?? {};
  return new ApiError(
    response.status,
    typeof error.code === "string" ? error.code : "http_error",
    typeof error.message === "string" ? error.message : `Request failed (${response.status} ${response.statusText})`,
    readFields(error.details?.fields),
  );
}
