// Whether a write failed on a unique key: another request wrote the same
// record first, and running again will see it.
/** P2002 from Prisma's own writes; raw SQL surfaces the driver's error as P2010. */
export function isUniqueViolation(error: unknown): boolean {
  const known = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } } | null;
  return known?.code === "P2002" || known?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
