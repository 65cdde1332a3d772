// The API's one error body, `{ error: { code, message, details? } }`, as the value the
// browser's hooks throw; forms read field messages from `fields` (details.fields).
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Field messages keyed by path (`{ "dateRange.from": ["…"] }`); empty when the error names no field. */
  get fields(): Record<string, string[]> {
    return readFields((this.details as { fields?: unknown } | undefined)?.fields);
  }
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; details?: unknown } };

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
  let body: ErrorBody | null = null;
  try {
    body = (await response.json()) as ErrorBody | null;
  } catch {
    // Not JSON (a proxy error page, an empty body): fall back to the status line.
  }
  const error = body?.error ?? {};
  const statusLine = [response.status, response.statusText].filter(Boolean).join(" ");
  return new ApiError(
    response.status,
    typeof error.code === "string" ? error.code : "http_error",
    typeof error.message === "string" ? error.message : `Request failed (${statusLine})`,
    error.details,
  );
}
