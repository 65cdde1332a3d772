// SQLite: populations and downloads are read in keyset pages, chunks written a
// group per short write transaction (the file has one write lock), the CSV
// encoded on the artifact thread (reads run on the report worker's thread),
// and Prisma's queries on a query thread, since better-sqlite3 blocks the
// thread that calls it. Why each: docs/benchmarks.md.
import { sqlTimestamp } from "@/lib/db/sql-timestamp";
import { Prisma } from "@/lib/generated/sqlite/client";
import { orgLastStartedReport as orgLastStarted } from "@/lib/compliance/profiles/org-last-started-report";
import {
  jsonFieldName,
  type ReportEngineProfile,
  type ReportSqlDialect,
} from "@/lib/compliance/profiles/report-engine-profile";

const timestamp = (date: Date) => Prisma.sql`${sqlTimestamp(date, "sqlite")}`;

const dialect: ReportSqlDialect = {
  timestamp,
  jsonFieldText: (column, field) => Prisma.sql`json_extract(${column}, ${Prisma.raw(`'$.${jsonFieldName(field)}'`)})`,
  // Stored as ISO text in UTC: the first ten characters are the day, already as text.
  utcDayKey: (column) => Prisma.sql`substr(${column}, 1, 10)`,
  utcDayText: (key) => key,
  // SQLite serializes writers; the outer WHERE repeats the condition, so the
  // UPDATE is a conditional claim.
  claimReport(claim) {
    const now = timestamp(claim.now);
    const only = claim.reportId ? Prisma.sql`AND "id" = ${claim.reportId}` : Prisma.empty;
    return Prisma.sql`
            UPDATE "Report"
               SET "attempts" = "attempts" + 1,
                   "leaseOwner" = ${claim.workerId},
                   "leaseExpiresAt" = ${timestamp(claim.leaseExpiresAt)},
                   "startedAt" = COALESCE("startedAt", ${now}),
                   "progress" = 0
             WHERE "id" = (
                   SELECT "id" FROM "Report"
                    WHERE "status" = 'pending'
                      AND "attempts" < "maxAttempts"
                      AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < ${now})
                      ${only}
                    ORDER BY ${orgLastStarted}, "createdAt", "id"
                    LIMIT 1)
               AND "status" = 'pending'
               AND "attempts" < "maxAttempts"
               AND ("leaseOwner" IS NULL OR "leaseExpiresAt" < ${now})
            RETURNING "id", "attempts"`;
  },
  claimInTransaction: false,
  // One writer at a time: a transaction that writes first holds the file's lock.
  lockOrganization: () => null,
};

export const sqliteProfile: ReportEngineProfile = {
  provider: "sqlite",
  bulkReads: "pages",
  chunkStore: "insert",
  hasQueryThread: true,
  groupCounts: "query-each",
  // The database's page cache lives in the server's memory: a set lingering
  // with its heaps through downloads raised the next report's peak toward the
  // bar (docs/benchmarks.md, report threads that linger).
  lingerSeconds: 0,
  dialect,
};
