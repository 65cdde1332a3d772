// The raw SQL of the report engine that differs between SQLite and PostgreSQL.
// Timestamps are bound as text in each database's stored form (sqlTimestamp).
import { Prisma } from "@/lib/generated/sqlite/client";
import { getDatabaseProvider, type DatabaseProvider } from "@/lib/db/database-url";
import type { Database } from "@/lib/db";
import { sqlTimestamp } from "@/lib/db/sql-timestamp";

export type ClaimedRow = { id: string; attempts: number };

/**
 * Atomically takes the oldest claimable report: pending, attempts left, and no
 * live lease. PostgreSQL locks the candidate row with FOR UPDATE SKIP LOCKED so
 * concurrent claimers pass over it; SQLite serializes writers, and the outer
 * WHERE repeats the condition so the UPDATE is a conditional claim either way.
 */
export async function claimReportRow(
  db: Database,
  claim: { workerId: string; now: Date; leaseExpiresAt: Date; reportId?: string },
  provider: DatabaseProvider = getDatabaseProvider(),
): Promise<ClaimedRow | null> {
  const now = sqlTimestamp(claim.now, provider);
  const expires = sqlTimestamp(claim.leaseExpiresAt, provider);
  // Claiming one given report (tests; an operator's "run it now") narrows the candidates.
  const only = claim.reportId ? Prisma.sql`AND "id" = ${claim.reportId}` : Prisma.empty;
  const rows =
    provider === "postgresql"
      ? await db.$transaction(
          (tx) =>
            tx.$queryRaw<ClaimedRow[]>`
            UPDATE "Report"
               SET "attempts" = "attempts" + 1,
                   "leaseOwner" = ${claim.workerId},
                   "leaseExpiresAt" = ${expires}::timestamp(3),
                   "startedAt" = COALESCE("startedAt", ${now}::timestamp(3)),
                   "progress" = 0
             WHERE "id" = (
                   SELECT "id" FROM "Report"
                    WHERE "status" = 'pending'
                      AND "attempts" < "maxAttempts"
                      AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < ${now}::timestamp(3))
                      ${only}
                    ORDER BY "createdAt", "id"
                    LIMIT 1
                      FOR UPDATE SKIP LOCKED)
            RETURNING "id", "attempts"`,
        )
      : await db.$queryRaw<ClaimedRow[]>`
            UPDATE "Report"
               SET "attempts" = "attempts" + 1,
                   "leaseOwner" = ${claim.workerId},
                   "leaseExpiresAt" = ${expires},
                   "startedAt" = COALESCE("startedAt", ${now}),
                   "progress" = 0
             WHERE "id" = (
                   SELECT "id" FROM "Report"
                    WHERE "status" = 'pending'
                      AND "attempts" < "maxAttempts"
                      AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < ${now})
                      ${only}
                    ORDER BY "createdAt", "id"
                    LIMIT 1)
               AND "status" = 'pending'
               AND "attempts" < "maxAttempts"
               AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < ${now})
            RETURNING "id", "attempts"`;
  const row = rows[0];
  return row ? { id: row.id, attempts: Number(row.attempts) } : null;
}
