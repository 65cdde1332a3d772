// The raw SQL of the report engine that differs between SQLite and PostgreSQL.
// Timestamps are bound as ISO-8601 text: SQLite stores DateTime that way (the
// better-sqlite3 adapter writes Date.toISOString()), and PostgreSQL's
// `timestamp(3)` (UTC, no zone) reads it with an explicit cast.
import { getDatabaseProvider, type DatabaseProvider } from "@/lib/db/database-url";
import type { Database } from "@/lib/db";

export type ClaimedRow = { id: string; attempts: number };

/**
 * Atomically takes the oldest claimable report: pending, attempts left, and no
 * live lease. PostgreSQL locks the candidate row with FOR UPDATE SKIP LOCKED so
 * concurrent claimers pass over it; SQLite serializes writers, and the outer
 * WHERE repeats the condition so the UPDATE is a conditional claim either way.
 */
export async function claimReportRow(
  db: Database,
  claim: { workerId: string; now: Date; leaseExpiresAt: Date },
  provider: DatabaseProvider = getDatabaseProvider(),
): Promise<ClaimedRow | null> {
  const now = claim.now.toISOString();
  const expires = claim.leaseExpiresAt.toISOString();
  const rows =
    provider === "postgresql"
      ? await db.$transaction((tx) =>
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
                    ORDER BY "createdAt", "id"
                    LIMIT 1)
               AND "status" = 'pending'
               AND "attempts" < "maxAttempts"
               AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < ${now})
            RETURNING "id", "attempts"`;
  const row = rows[0];
  return row ? { id: row.id, attempts: Number(row.attempts) } : null;
}
