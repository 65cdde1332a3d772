// The org's compliance settings (report retention) as the API shows them.
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { readReportRetentionDays } from "@/lib/compliance/retention/read-report-retention-days";
import type { ComplianceSettings } from "@/lib/compliance/retention/retention-schemas";

export async function getComplianceSettings(ctx: ComplianceContext): Promise<ComplianceSettings> {
  return { reportRetentionDays: await readReportRetentionDays(databaseOf(ctx), ctx.identity.orgId) };
}
