// PostgreSQL: populations and downloads stream through one COPY each, chunks
// go in through one COPY per artifact, and the report worker encodes CSV
// itself (its reads cost it little). Why each: docs/benchmarks.md.
import { sqlTimestamp } from "@/lib/db/sql-timestamp";
import { Prisma } from "@/lib/generated/sqlite/client";
import { orgLastStartedReport as orgLastStarted } from "@/lib/compliance/profiles/org-last-started-report";
import {
  jsonFieldName,
  type ReportEngineProfile,
  type ReportSqlDialect,
} from "@/lib/compliance/profiles/report-engine-profile";

const timestamp = (date: Date) => Prisma.sql`${sqlTimestamp(date, "postgresql")}::timestamp(3)`;

const dialect: ReportSqlDialect = {
  timestamp,
  jsonFieldText: (column, field) => Prisma.sql`${column}->>${Prisma.raw(`'${jsonFieldName(field)}'`)}`,
  // A date groups at half the cost of to_char() on every row; only the groups are formatted.
  utcDayKey: (column) => Prisma.sql`(${column})::date`,
  utcDayText: (key) => Prisma.sql`to_char(${key}, 'YYYY-MM-DD')`,
  // FOR UPDATE SKIP LOCKED: concurrent claimers pass over a row another is taking.
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
                    ORDER BY ${orgLastStarted} NULLS FIRST, "createdAt", "id"
                    LIMIT 1
                      FOR UPDATE SKIP LOCKED)
            RETURNING "id", "attempts"`;
  },
  claimInTransaction: true,
  // Several processes may complete reports of one org at once.
  lockOrganization: (orgId) => Prisma.sql`SELECT "id" FROM "Organization" WHERE "id" = ${orgId} FOR UPDATE`,
};

export const postgresqlProfile: ReportEngineProfile = {
  provider: "postgresql",
  bulkReads: "copy",
  chunkStore: "copy",
  // node-postgres does not block the thread that calls it.
  hasQueryThread: false,
  groupCounts: "grouping-sets",
  // A report on warm threads skips their start and their code's warm-up
  // (docs/benchmarks.md); the database's own memory is not the server's.
  lingerSeconds: 30,
  dialect,
};
