// Whether an error means the database could not be reached (refused, reset,
// terminated, timed out) rather than that a query was wrong: the first is
// answered 503 and never fails a report, which is generated again once the
// database is back.
export function isDatabaseUnreachable(error: unknown): boolean {
  const text = String((error as { code?: unknown })?.code ?? "") + " " + String((error as Error)?.message ?? "");
  return /ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|ETIMEDOUT|P1001|P1002|P1017|57P01|DatabaseNotReachable|Can't reach database server|Connection terminated|SQLITE_CANTOPEN|SQLITE_BUSY/i.test(
    text,
  );
}
