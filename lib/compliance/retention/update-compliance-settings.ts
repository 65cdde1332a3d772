// Changes the org's report retention, audited with the old and new value.
// Expiry is computed from it (completion + retention), so a change moves
// every report's expiry at once, for the better or the worse.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { readReportRetentionDays } from "@/lib/compliance/retention/read-report-retention-days";
import type { ComplianceSettings } from "@/lib/compliance/retention/retention-schemas";

export async function updateComplianceSettings(
  ctx: ComplianceContext,
  settings: ComplianceSettings,
): Promise<ComplianceSettings> {
  const { identity } = ctx;
  const db = databaseOf(ctx);
  const before = await readReportRetentionDays(db, identity.orgId);
  if (before === settings.reportRetentionDays) return settings;
  await db.$transaction(async (tx) => {
    await tx.organization.update({
      where: { id: identity.orgId },
      data: { reportRetentionDays: settings.reportRetentionDays },
      select: { id: true },
    });
    await recordAuditEvent(
      {
        orgId: identity.orgId,
        ...describeActor(identity),
        ip: ctx.ip ?? null,
        action: "compliance.retention_changed",
        category: "system_config",
        targetType: "organization",
        targetId: identity.orgId,
        metadata: {
          before: { reportRetentionDays: before },
          after: { reportRetentionDays: settings.reportRetentionDays },
        },
      },
      tx,
    );
  }, chainTransactionOptions);
  return settings;
}
