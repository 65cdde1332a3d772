// Transactions that append to a chain may wait behind other appenders of the
// same org (and, on SQLite, behind any writer): Prisma's defaults (2 s to get a
// connection, 5 s in all) fail them under a burst of ingest
// (docs/benchmarks.md, ingest transaction timeout).
export const chainTransactionOptions = { maxWait: 10_000, timeout: 60_000 };
