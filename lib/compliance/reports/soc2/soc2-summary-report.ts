// SOC2 Summary: security controls over a period, one section per control
// area, each naming the Trust Services Criteria it evidences and listing its
// full population after its database-computed counts.
import type { ReportDefinition } from "@/lib/compliance/reports/report-definition";
import { buildAgentFilter } from "../build-agent-filter";
import { buildTimeWindow } from "../build-time-window";
import { loadAgentDirectory } from "../load-agent-directory";
import { startReportRun } from "../start-report-run";
import { resolveReportPeriod } from "../resolve-report-period";
import { auditEventColumns } from "../to-audit-event-row";
import { unionColumns } from "../union-columns";
import { queryAhead } from "../query-ahead";
import { startAuditTrailVerification } from "../start-audit-trail-verification";
import { auditTrailIntegrityColumns, writeAuditTrailIntegritySection } from "../write-audit-trail-integrity-section";
import { countQueryLogs, queryLogColumns, writeQueryLogSection } from "../write-query-log-section";
import { planSoc2Populations } from "./plan-soc2-populations";
import { countSoc2Administrative, writeSoc2AdministrativeSection } from "./write-soc2-administrative-section";
import { countSoc2AgentBoundaries, writeSoc2AgentBoundariesSection } from "./write-soc2-agent-boundaries-section";
import { countSoc2AgentEnforcement, writeSoc2AgentEnforcementSection } from "./write-soc2-agent-enforcement-section";
import { countSoc2Dlp, writeSoc2DlpSection } from "./write-soc2-dlp-section";
import { countSoc2UserAccess, writeSoc2UserAccessSection } from "./write-soc2-user-access-section";
import { countSoc2Vault, writeSoc2VaultSection } from "./write-soc2-vault-section";

export const soc2SummaryReport: ReportDefinition = {
  type: "soc2",
  csvColumns: unionColumns(
    auditEventColumns,
    ["count", "reason", "day"],
    ["user_id", "user_email", "user_name", "role", "created_at", "disabled_at"],
    ["email_address", "status", "allowed_tools", "allowed_recipient_domains", "daily_send_limit", "updated_at"],
    [
      "rule_id",
      "rule_name",
      "detector",
      "pattern",
      "severity",
      "rule_action",
      "enabled",
      "action_taken",
      "email_id",
      "excerpt",
    ],
    ["secret_id", "secret_name", "secret_kind", "last_rotated_at", "days_since_rotation"],
    queryLogColumns,
    auditTrailIntegrityColumns,
  ),
  async build(ctx, output) {
    const { db, report } = ctx;
    const asOf = new Date();
    const window = buildTimeWindow(resolveReportPeriod(report.scope), asOf);
    const agentFilter = buildAgentFilter(report.scope.agentIds);
    const agents = await loadAgentDirectory(db, report.orgId);
    const populations = planSoc2Populations({ db, orgId: report.orgId, window, agentFilter, asOf });
    // Before the manifest's counts (start-audit-trail-verification.ts).
    const verification = startAuditTrailVerification({ ctx, db, orgId: report.orgId, window });
    try {
      const run = await startReportRun({ ctx, db, orgId: report.orgId, output, agents, agentFilter, window, asOf }, [
        populations.userAccessEvents,
        populations.members,
        populations.agents,
        populations.agentConfigEvents,
        populations.enforcementEvents,
        populations.dlpRules,
        populations.dlpViolations,
        populations.secrets,
        populations.staleSecrets,
        populations.vaultAccesses,
        populations.queryLogs,
        populations.adminEvents,
      ]);
      const ahead = queryAhead(ctx, [
        () => countSoc2UserAccess(run, populations),
        () => countSoc2AgentBoundaries(run, populations),
        () => countSoc2AgentEnforcement(run, populations),
        () => countSoc2Dlp(run, populations),
        () => countSoc2Vault(run, populations),
        () => countQueryLogs(run, populations.queryLogs),
        () => countSoc2Administrative(run, populations),
      ]);
      try {
        const [userAccess, boundaries, enforcement, dlp, vault, queryLogs, administrative] = ahead.results;
        await writeSoc2UserAccessSection(run, populations, await userAccess);
        await writeSoc2AgentBoundariesSection(run, populations, await boundaries);
        await writeSoc2AgentEnforcementSection(run, populations, await enforcement);
        await writeSoc2DlpSection(run, populations, await dlp);
        await writeSoc2VaultSection(run, populations, await vault);
        // CC7.2: monitoring of access to the business databases.
        await writeQueryLogSection(run, populations.queryLogs, await queryLogs, {
          key: "database_queries",
          criteria: ["CC7.2"],
        });
        await writeSoc2AdministrativeSection(run, populations, await administrative);
        // CC7.2: the trail the sections above cite has not been altered since it was written.
        await writeAuditTrailIntegritySection(run, verification, ["CC7.2"]);
      } finally {
        ahead.stop();
      }
    } finally {
      await verification.stop();
    }
  },
};
