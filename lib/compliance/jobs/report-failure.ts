// Why a report failed, as readers see it: a stable code and a fixed message.
// The underlying error (database messages, paths, SQL) is for operators only:
// it goes to the server log with the report id, never into the report row,
// its audit event or an API response.

export const reportFailureMessages = {
  source_failed: "A data source could not be read",
  generation_failed: "The report could not be generated",
  generation_timed_out: "The report took longer than the maximum generation time",
  attempts_exhausted: "Generation did not finish after every allowed attempt",
} as const;

export type ReportFailureCode = keyof typeof reportFailureMessages;

export type ReportFailure = { code: ReportFailureCode; message: string };

export const reportFailure = (code: ReportFailureCode): ReportFailure => ({
  code,
  message: reportFailureMessages[code],
});

/** The attempt ran past REPORT_MAX_SECONDS. */
export class ReportTimedOutError extends Error {
  constructor(maxSeconds: number) {
    super(`Report generation exceeded ${maxSeconds} seconds`);
    this.name = "ReportTimedOutError";
  }
}

/**
 * The public reason for an error thrown while generating. Database drivers
 * (Prisma, pg, better-sqlite3) put a string `code` on their errors, which
 * tells a source that could not be read from a fault of the report itself.
 */
export function classifyReportError(error: unknown): ReportFailure {
  if (error instanceof ReportTimedOutError) return reportFailure("generation_timed_out");
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code !== "") return reportFailure("source_failed");
  return reportFailure("generation_failed");
}
