// The Audit Summary's user sign-in activity: sign-ins, failed and throttled
// attempts, org switches and sign-outs (the `auth.*` events Attest writes),
// counted in the database by action and by user, then listed in full.
import type { Database } from "@/lib/db";
import { allOf, columnEquals, columnStartsWith, type SqlCondition } from "@/lib/db/sql-condition";
import type { AgentFilter } from "../build-agent-filter";
import type { TimeWindow } from "../build-time-window";
import { countAuditEventsBySets, sumCounts } from "../count-audit-events-by";
import { joinFilterText } from "../join-filter-text";
import type { PopulationSource } from "../population-source";
import { auditEventSelectList, toAuditEventRecord, type AuditEventRecord } from "../sources/audit-event-population";
import { createSqlPopulation } from "../sql-population";
import type { ReportRun } from "../start-report-run";
import { auditEventRowJson } from "../audit-event-row-json";
import { toAuditEventRow } from "../to-audit-event-row";
import { writePopulationTable } from "../write-population-table";

export const signInActionPrefix = "auth.";

export function createSignInPopulation(
  db: Database,
  { orgId, window, agentFilter }: { orgId: string; window: TimeWindow; agentFilter: AgentFilter },
): PopulationSource<AuditEventRecord> {
  const org = columnEquals("orgId", orgId);
  const kinds: SqlCondition = allOf(
    columnEquals("category", "authentication"),
    columnStartsWith("action", signInActionPrefix),
  );
  return createSqlPopulation(db, {
    source: "AuditEvent: sign_in_activity.events",
    filter: joinFilterText([org.text, window.describe("occurredAt"), kinds.text, agentFilter.nullable.text]),
    table: "AuditEvent",
    timeColumn: "occurredAt",
    columns: auditEventSelectList,
    where: allOf(org, kinds, agentFilter.nullable).sql,
    range: window.range,
    toRecord: toAuditEventRecord,
    keyOf: (row) => ({ at: new Date(row.occurredAt), id: row.id }),
  });
}

/** The section's database counts (queried ahead of the section). */
export async function countSignIns(run: ReportRun, signIns: PopulationSource<AuditEventRecord>) {
  const { db, agents } = run;
  const [byAction, byUser, byDay] = await countAuditEventsBySets(
    db,
    signIns,
    [["action", "outcome"], ["actorId", "actorLabel", "action", "outcome"], ["day"]],
    agents,
  );
  return { byAction, byUser, byDay };
}

export async function writeSignInSection(
  run: ReportRun,
  signIns: PopulationSource<AuditEventRecord>,
  counts: Awaited<ReturnType<typeof countSignIns>>,
): Promise<void> {
  const { output } = run;
  const { byAction, byUser, byDay } = counts;
  const countOf = (action: string) => sumCounts(byAction, (row) => row.action === action);
  await output.startSection("sign_in_activity", {
    title: "User sign-in activity",
    description:
      "Sign-ins, failed and throttled sign-in attempts, organization switches and sign-outs in the period, by action, " +
      "by user (a failed attempt for an unknown account has no user id: its label is the account name tried) and by " +
      "UTC day, counted in the database; then every such event (population). Sign-ins belong to no agent and are " +
      "listed whatever the agent filter.",
    criteria: [],
    summary: {
      events: run.manifestOf(signIns).rowCount,
      signIns: countOf("auth.login"),
      failedSignIns: countOf("auth.login_failed"),
      throttledSignIns: countOf("auth.login_throttled"),
      usersSignedIn: new Set(
        byUser.filter((row) => row.action === "auth.login" && row.outcome === "success").map((row) => row.actor_id),
      ).size,
    },
  });
  await output.writeTable("counts_by_action", byAction);
  await output.writeTable("counts_by_user", byUser);
  await output.writeTable("counts_by_day", byDay);
  await writePopulationTable({
    ...run,
    table: "events",
    source: signIns,
    manifest: run.manifestOf(signIns),
    toRow: (event) => toAuditEventRow(event, run.agents),
    rowJson: auditEventRowJson(run.agents),
  });
  await output.endSection();
}
