// The signed statement of one of the caller's org's reports, as a compact JWS.
// Statements outlive their reports (the org's chain of statements names each
// one), so a deleted report's statement can still be fetched by its id.
import { notFound } from "@/lib/errors/not-found";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { buildContentDisposition } from "@/lib/compliance/requests/build-content-disposition";

export type ReportStatementDownload = { jws: string; headers: Record<string, string> };

export async function getReportStatement(ctx: ComplianceContext, reportId: string): Promise<ReportStatementDownload> {
  const db = databaseOf(ctx);
  const statement = await db.reportStatement.findFirst({
    where: { reportId, orgId: ctx.identity.orgId },
    select: { jws: true, kid: true, sha256: true, reportId: true },
  });
  if (!statement) throw notFound("Report statement");
  const report = await db.report.findFirst({
    where: { id: reportId, orgId: ctx.identity.orgId },
    select: { title: true },
  });
  return {
    jws: statement.jws,
    headers: {
      // RFC 7515's media type for the compact serialization.
      "content-type": "application/jose",
      "content-disposition": buildContentDisposition(`${report?.title ?? statement.reportId} statement`, "jws"),
      "x-signing-key-id": statement.kid,
      "x-content-sha256": statement.sha256,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  };
}
