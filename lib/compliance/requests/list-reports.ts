// The caller's org's reports, a page at a time: filtered by type, status, title
// words and the period they cover (overlapping the one asked for), ordered by generation time, title or period, with a keyset
// cursor (report-list-keyset.ts). Everything is decided in the database.
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { readReportRetentionDays } from "@/lib/compliance/retention/read-report-retention-days";
import { findStatementSummaries } from "@/lib/compliance/requests/find-statement-summaries";
import { assertCallerOrg } from "@/lib/compliance/requests/prepare-report-request";
import {
  encodeReportCursor,
  reportListOrderBy,
  reportsAfterCursor,
} from "@/lib/compliance/requests/report-list-keyset";
import type { ListReportsQuery } from "@/lib/compliance/requests/schemas";
import {
  reportResponseSelect,
  toReportResponse,
  type ReportResponse,
} from "@/lib/compliance/requests/to-report-response";
import { containsIgnoringCase } from "@/lib/db/contains-ignoring-case";

export type ReportPage = { reports: ReportResponse[]; nextCursor: string | null };

/** More words than anyone types; bounds the query's size. */
const maxSearchWords = 8;

export async function listReports(ctx: ComplianceContext, query: ListReportsQuery): Promise<ReportPage> {
  const { identity } = ctx;
  assertCallerOrg(identity, query.orgId);
  const keyset = { sort: query.sort, order: query.order };
  const db = databaseOf(ctx);
  const words = query.q ? query.q.split(/\s+/).slice(0, maxSearchWords) : [];
  const rows = await db.report.findMany({
    where: {
      orgId: identity.orgId,
      ...(query.type ? { type: query.type } : {}),
      ...(query.status ? { status: query.status } : {}),
      // Overlap of whole-day ranges; a report without a period (null columns) never matches.
      ...(query.periodFrom ? { periodTo: { gte: query.periodFrom } } : {}),
      ...(query.periodTo ? { periodFrom: { lte: query.periodTo } } : {}),
      AND: [
        // Each word somewhere in the title, in any order.
        ...words.map((word) => ({ title: containsIgnoringCase(db, word) })),
        ...(query.cursor ? [reportsAfterCursor(keyset, query.cursor)] : []),
      ],
    },
    orderBy: reportListOrderBy(keyset),
    take: query.limit + 1,
    select: { ...reportResponseSelect, periodTo: true },
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const [statements, retentionDays] = await Promise.all([
    findStatementSummaries(
      db,
      identity.orgId,
      page.filter((row) => row.status === "completed" || row.status === "purged").map((row) => row.id),
    ),
    readReportRetentionDays(db, identity.orgId),
  ]);
  return {
    reports: page.map((row) => toReportResponse(row, statements.get(row.id) ?? null, retentionDays)),
    nextCursor: rows.length > query.limit && last ? encodeReportCursor(keyset, last) : null,
  };
}
