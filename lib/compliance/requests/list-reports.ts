// The caller's org's reports, newest first, with keyset pagination: the cursor
// names the last report seen (createdAt + id), so pages stay stable while new
// reports arrive and a deleted cursor row does not break the next page.
import { AppError } from "@/lib/errors/app-error";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { findStatementSummaries } from "@/lib/compliance/requests/find-statement-summaries";
import { assertCallerOrg } from "@/lib/compliance/requests/prepare-report-request";
import type { ListReportsQuery } from "@/lib/compliance/requests/schemas";
import {
  reportResponseSelect,
  toReportResponse,
  type ReportResponse,
} from "@/lib/compliance/requests/to-report-response";

export type ReportPage = { reports: ReportResponse[]; nextCursor: string | null };

export async function listReports(ctx: ComplianceContext, query: ListReportsQuery): Promise<ReportPage> {
  const { identity } = ctx;
  assertCallerOrg(identity, query.orgId);
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const db = databaseOf(ctx);
  const rows = await db.report.findMany({
    where: {
      orgId: identity.orgId,
      ...(query.type ? { type: query.type } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(after
        ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: reportResponseSelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const statements = await findStatementSummaries(
    db,
    identity.orgId,
    page.filter((row) => row.status === "completed").map((row) => row.id),
  );
  return {
    reports: page.map((row) => toReportResponse(row, statements.get(row.id) ?? null)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError("validation_failed", "The request is invalid", { fields: { cursor: ["Invalid cursor"] } });
  }
  return { createdAt, id };
}
