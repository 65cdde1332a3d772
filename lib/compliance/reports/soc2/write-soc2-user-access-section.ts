import { columnIn } from "@/lib/db/sql-condition";
import { auditEventDayColumn, toDayCounts } from "../audit-event-day-column";
import { countPopulationGroupSets } from "../count-population-group-sets";
import { countPopulationGroups } from "../count-population-groups";
import type { ReportRun } from "../start-report-run";
import { auditEventRowJson } from "../audit-event-row-json";
import { toAuditEventRow } from "../to-audit-event-row";
import { toIsoString } from "../to-json-value";
import { writePopulationTable } from "../write-population-table";
import type { Soc2Populations } from "./plan-soc2-populations";

/** The section's database counts (queried ahead of the section). */
export async function countSoc2UserAccess(run: ReportRun, populations: Soc2Populations) {
  const { db } = run;
  const events = populations.userAccessEvents;
  const [byAction, days] = await countPopulationGroupSets(db, events, [["action", "outcome"], ["day"]], {
    derived: auditEventDayColumn(db),
  });
  const signIns = await countPopulationGroups(db, events, ["actorId", "actorLabel", "action", "outcome"], {
    and: columnIn("action", ["auth.login", "auth.login_failed"]),
    orderBy: ["actorLabel", "actorId", "action", "outcome"],
  });
  return { byAction, signIns, byDay: toDayCounts(days) };
}

/** CC6.1–CC6.3: who signed in, who failed, who was added, removed or re-roled. */
export async function writeSoc2UserAccessSection(
  run: ReportRun,
  populations: Soc2Populations,
  counts: Awaited<ReturnType<typeof countSoc2UserAccess>>,
): Promise<void> {
  const { output, agentFilter } = run;
  const { byAction, signIns, byDay } = counts;
  const countOf = (action: string, outcome?: string) =>
    byAction
      .filter((group) => group.action === action && (outcome === undefined || group.outcome === outcome))
      .reduce((sum, group) => sum + group.count, 0);

  await output.startSection("user_access", {
    title: "User access and authentication",
    description:
      "Sign-ins and failed sign-ins by user, users created and removed, and role changes in the period, with every " +
      "authentication and user-administration event (population), and the organization's members and roles as they " +
      "stand at generation. People are not agents: an agent filter keeps only events of the selected agents or of no " +
      `agent, which sign-ins and user administration are. ${agentFilter.note}`,
    criteria: ["CC6.1", "CC6.2", "CC6.3"],
    summary: {
      signIns: countOf("auth.login", "success"),
      failedSignIns: countOf("auth.login_failed"),
      usersCreated: countOf("user.created"),
      usersRemoved: countOf("user.removed"),
      roleChanges: countOf("user.role_changed"),
      events: byAction.reduce((sum, group) => sum + group.count, 0),
    },
  });
  await output.writeTable(
    "counts_by_action",
    byAction.map((group) => ({ action: group.action, outcome: group.outcome, count: group.count })),
  );
  // Failed sign-ins for an unknown account have no actor id: the label is the account name tried.
  await output.writeTable(
    "sign_ins_by_user",
    signIns.map((group) => ({
      actor_id: group.actorId,
      actor: group.actorLabel,
      action: group.action,
      outcome: group.outcome,
      count: group.count,
    })),
  );
  await writePopulationTable({
    ...run,
    table: "members",
    source: populations.members,
    manifest: run.manifestOf(populations.members),
    toRow: (member) => ({
      user_id: member.user.id,
      user_email: member.user.email,
      user_name: member.user.name,
      role: member.role,
      created_at: member.createdAt.toISOString(),
      disabled_at: toIsoString(member.user.disabledAt),
    }),
  });
  await output.writeTable("counts_by_day", byDay);
  await writePopulationTable({
    ...run,
    table: "events",
    source: populations.userAccessEvents,
    manifest: run.manifestOf(populations.userAccessEvents),
    toRow: (event) => toAuditEventRow(event, run.agents),
    rowJson: auditEventRowJson(run.agents),
  });
  await output.endSection();
}
