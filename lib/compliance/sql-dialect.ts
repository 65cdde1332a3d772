// The raw SQL of the report engine that differs between SQLite and PostgreSQL.
// Timestamps are bound as text in each database's stored form: on SQLite the
// better-sqlite3 adapter writes DateTime as ISO-8601 with a "+00:00" offset
// (not "Z"), and raw SQL must match it exactly for equality and ordering; on
// PostgreSQL `timestamp(3)` (UTC, no zone) reads ISO text through a cast.
import { Prisma } from "@/lib/generated/sqlite/client";
import { getDatabaseProvider, type DatabaseProvider } from "@/lib/db/database-url";
import type { Database } from "@/lib/db";
import { rawSqlOf } from "@/lib/db/raw-sql-of";

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

/** A Date as the text each provider stores and compares. */
export function sqlTimestamp(date: Date, provider: DatabaseProvider = getDatabaseProvider()): string {
  const iso = date.toISOString();
  return provider === "sqlite" ? iso.replace("Z", "+00:00") : iso;
}

/**
 * Stored chunks `fromSeq…fromSeq+count-1` of an artifact, in order. Downloads
 * are the one byte-heavy read: Prisma moves Bytes through base64 (measured
 * ~45 MB/s), so they are read through the driver (SQLite ~600 MB/s in-process).
 */
export async function readReportChunks(
  db: Database,
  artifactId: string,
  fromSeq: number,
  count: number,
): Promise<Uint8Array[]> {
  const rows = await rawSqlOf(db).query<{ data: Uint8Array }>(Prisma.sql`
    SELECT "data" FROM "ReportChunk"
     WHERE "artifactId" = ${artifactId} AND "seq" >= ${fromSeq} AND "seq" < ${fromSeq + count}
     ORDER BY "seq"`);
  return rows.map((row) => row.data);
}
