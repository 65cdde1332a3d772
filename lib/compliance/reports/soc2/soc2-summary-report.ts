// SOC2 Summary: security controls over a period, one section per control
// area, each naming the Trust Services Criteria it evidences and listing its
// full population after its database-computed counts.
import type { ReportDefinition } from "@/lib/compliance/report-definition";
import { buildAgentFilter } from "../build-agent-filter";
import { buildTimeWindow } from "../build-time-window";
import { loadAgentDirectory } from "../load-agent-directory";
import { startReportRun } from "../start-report-run";
import { resolveReportPeriod } from "../resolve-report-period";
import { auditEventColumns } from "../to-audit-event-row";
import { unionColumns } from "../union-columns";
import { planSoc2Populations } from "./plan-soc2-populations";
import { writeSoc2AdministrativeSection } from "./write-soc2-administrative-section";
import { writeSoc2AgentBoundariesSection } from "./write-soc2-agent-boundaries-section";
import { writeSoc2AgentEnforcementSection } from "./write-soc2-agent-enforcement-section";
import { writeSoc2DlpSection } from "./write-soc2-dlp-section";
import { writeSoc2UserAccessSection } from "./write-soc2-user-access-section";
import { writeSoc2VaultSection } from "./write-soc2-vault-section";

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
  ),
  async build(ctx, output) {
    const { db, report } = ctx;
    const asOf = new Date();
    const window = buildTimeWindow(resolveReportPeriod(report.scope), asOf);
    const agentFilter = buildAgentFilter(report.scope.agentIds);
    const agents = await loadAgentDirectory(db, report.orgId);
    const populations = planSoc2Populations({ db, orgId: report.orgId, window, agentFilter, asOf });
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
      populations.adminEvents,
    ]);
    await writeSoc2UserAccessSection(run, populations);
    await writeSoc2AgentBoundariesSection(run, populations);
    await writeSoc2AgentEnforcementSection(run, populations);
    await writeSoc2DlpSection(run, populations);
    await writeSoc2VaultSection(run, populations);
    await writeSoc2AdministrativeSection(run, populations);
  },
};
