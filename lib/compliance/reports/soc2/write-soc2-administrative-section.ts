import { auditEventDayColumn, toDayCounts } from "../audit-event-day-column";
import { countPopulationGroupSets } from "../count-population-group-sets";
import type { ReportRun } from "../start-report-run";
import { auditEventRowJson } from "../audit-event-row-json";
import { toAuditEventRow } from "../to-audit-event-row";
import { writePopulationTable } from "../write-population-table";
import { administrativeCategories, apiKeyActionPrefix, type Soc2Populations } from "./plan-soc2-populations";

/** The section's database counts (queried ahead of the section). */
export async function countSoc2Administrative(run: ReportRun, populations: Soc2Populations) {
  const { db } = run;
  const events = populations.adminEvents;
  // One scan for every grouping where the database has grouping sets; each in its columns' order.
  const [byCategory, byActor, days] = await countPopulationGroupSets(
    db,
    events,
    [["category"], ["actorType", "actorLabel", "actorId"], ["day"]],
    { derived: auditEventDayColumn(db) },
  );
  return { byCategory, byActor, byDay: toDayCounts(days) };
}

/** CC6.2, CC6.3, CC8.1: every administrative change, counted by category and by actor. */
export async function writeSoc2AdministrativeSection(
  run: ReportRun,
  populations: Soc2Populations,
  { byCategory, byActor, byDay }: Awaited<ReturnType<typeof countSoc2Administrative>>,
): Promise<void> {
  const { output, agentFilter, agents } = run;

  await output.startSection("administrative_actions", {
    title: "Administrative action summary",
    description:
      `Administrative changes in the period (categories ${administrativeCategories.join(", ")}, and API key ` +
      `actions "${apiKeyActionPrefix}*"), counted by category and by actor, with every such event (population). ` +
      agentFilter.note,
    criteria: ["CC6.2", "CC6.3", "CC8.1"],
    summary: {
      actions: run.manifestOf(populations.adminEvents).rowCount,
      actors: byActor.length,
    },
  });
  await output.writeTable(
    "counts_by_category",
    byCategory.map((group) => ({ category: group.category, count: group.count })),
  );
  await output.writeTable(
    "counts_by_actor",
    byActor.map((group) => ({
      actor_type: group.actorType,
      actor_id: group.actorId,
      actor: group.actorLabel,
      count: group.count,
    })),
  );
  await output.writeTable("counts_by_day", byDay);
  await writePopulationTable({
    ...run,
    table: "events",
    source: populations.adminEvents,
    manifest: run.manifestOf(populations.adminEvents),
    toRow: (event) => toAuditEventRow(event, agents),
    rowJson: auditEventRowJson(agents),
  });
  await output.endSection();
}
