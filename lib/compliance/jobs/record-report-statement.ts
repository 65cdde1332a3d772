// Signs a completing report's statement and appends it to the org's chain of
// statements, inside the completion's fenced transaction: a report is never
// completed without its statement, and a statement never exists for a report
// that did not complete. The private key comes from the configuration, never
// from the database.
import type { ArtifactFormat } from "@/lib/compliance/artifacts/report-artifacts";
import { lockAuditChain } from "@/lib/audit/lock-audit-chain";
import { reportEngineProfileOf } from "@/lib/compliance/profiles/report-engine-profile-of";
import type { Database } from "@/lib/db/database";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { ReportStatement } from "@/lib/signing/report-statement";
import { signReportStatement, type SignedStatement } from "@/lib/signing/sign-report-statement";
import type { ActiveSigningKey } from "@/lib/signing/signing-key";

/** The signed statement, and the report facts it read (the completion's audit event needs them). */
export type RecordedStatement = SignedStatement & { orgId: string; reportType: string };

export type StatementInput = {
  reportId: string;
  generatedAt: string;
  schemaVersion: number;
  signedAt: Date;
  artifacts: Array<{ format: ArtifactFormat; byteSize: number; sha256: string }>;
};

export async function recordReportStatement(
  db: Database,
  tx: Prisma.TransactionClient,
  input: StatementInput,
  key: ActiveSigningKey,
): Promise<RecordedStatement> {
  const report = await tx.report.findUniqueOrThrow({
    where: { id: input.reportId },
    select: {
      id: true,
      orgId: true,
      type: true,
      title: true,
      scope: true,
      createdByType: true,
      createdById: true,
      createdByLabel: true,
      org: { select: { name: true } },
    },
  });
  const lock = reportEngineProfileOf(db).dialect.lockOrganization(report.orgId);
  if (lock) await tx.$queryRaw(lock);
  // The trail as the report leaves it, held still until this transaction
  // commits: the completion's own audit event will follow this head.
  const chainHead = await lockAuditChain(tx, report.orgId);

  const previous = await tx.reportStatement.findFirst({
    where: { orgId: report.orgId },
    orderBy: { seq: "desc" },
    select: { seq: true, reportId: true, sha256: true },
  });
  const statement: ReportStatement = {
    type: "attest.report-statement",
    version: 1,
    reportId: report.id,
    org: { id: report.orgId, name: report.org.name },
    reportType: report.type,
    title: report.title,
    scope: report.scope as ReportStatement["scope"],
    generatedAt: input.generatedAt,
    generatedBy: { type: report.createdByType, id: report.createdById, label: report.createdByLabel },
    schemaVersion: input.schemaVersion,
    artifacts: input.artifacts.map(({ format, byteSize, sha256 }) => ({ format, byteSize, sha256 })),
    auditChainHead: chainHead.seq > 0 ? { seq: chainHead.seq, hash: chainHead.hash } : null,
    previousStatement: previous ? { reportId: previous.reportId, sha256: previous.sha256 } : null,
    signedAt: input.signedAt.toISOString(),
  };
  const signed = await signReportStatement(statement, key);
  await tx.reportStatement.create({
    data: {
      orgId: report.orgId,
      seq: (previous?.seq ?? 0) + 1,
      reportId: report.id,
      reportType: report.type,
      kid: signed.kid,
      jws: signed.jws,
      sha256: signed.sha256,
      signedAt: input.signedAt,
    },
    select: { id: true },
  });
  return { ...signed, orgId: report.orgId, reportType: report.type };
}
