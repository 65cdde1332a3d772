// Whether a write failed on a unique key: another request wrote the same
// record first, and running again will see it.

/**
 * The drivers' own codes, for statements run on the connection under Prisma
 * (insert-rows.ts): better-sqlite3's, and PostgreSQL's SQLSTATE unique_violation.
 */
const driverUniqueCodes = new Set(["SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_UNIQUE", "23505"]);

/** P2002 from Prisma's own writes; raw SQL surfaces the driver's error as P2010. */
export function isUniqueViolation(error: unknown): boolean {
  const known = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } } | null;
  if (typeof known?.code === "string" && driverUniqueCodes.has(known.code)) return true;
  return known?.code === "P2002" || known?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
