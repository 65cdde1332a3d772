// Audit Summary: the administrative trail over a period — counts by category,
// actor and action (database aggregates), one section per area (the secret
// area with the vault's own access records), user sign-in activity, database
// query logs, and the full chronological population of the events behind them.
import type { ReportDefinition, ReportRow } from "@/lib/compliance/reports/report-definition";
import { allOf, columnEquals } from "@/lib/db/sql-condition";
import { auditEventKinds, type AuditEventSelection } from "../audit-event-selection";
import { buildAgentFilter } from "../build-agent-filter";
import { buildTimeWindow } from "../build-time-window";
import { countAuditEventsBySets, sumCounts } from "../count-audit-events-by";
import { joinFilterText } from "../join-filter-text";
import { loadAgentDirectory } from "../load-agent-directory";
import type { PopulationSource } from "../population-source";
import { queryAhead } from "../query-ahead";
import { startReportRun, type ReportRun } from "../start-report-run";
import { resolveReportPeriod } from "../resolve-report-period";
import { createAuditEventPopulation } from "../sources/audit-event-population";
import { auditEventRowJson } from "../audit-event-row-json";
import { auditEventColumns, toAuditEventRow } from "../to-audit-event-row";
import { unionColumns } from "../union-columns";
import { writePopulationTable } from "../write-population-table";
import { startAuditTrailVerification } from "../start-audit-trail-verification";
import { auditTrailIntegrityColumns, writeAuditTrailIntegritySection } from "../write-audit-trail-integrity-section";
import { countQueryLogs, queryLogColumns, writeQueryLogSection } from "../write-query-log-section";
import { createQueryLogPopulation } from "../sources/query-log-population";
import { apiKeyActionPrefix, auditSummaryCategories, auditTopics, type AuditTopic } from "./audit-summary-topics";
import { countSignIns, createSignInPopulation, writeSignInSection } from "./write-audit-sign-in-section";
import {
  countVaultAccesses,
  createAuditVaultAccessPopulation,
  summarizeVaultAccesses,
  writeVaultAccessTables,
} from "./write-audit-vault-accesses";

export const auditSummaryReport: ReportDefinition = {
  type: "audit",
  csvColumns: unionColumns(
    auditEventColumns,
    ["count", "secret_id", "secret_name", "secret_kind", "day"],
    queryLogColumns,
    auditTrailIntegrityColumns,
  ),
  async build(ctx, output) {
    const { db, report } = ctx;
    const orgId = report.orgId;
    const asOf = new Date();
    const window = buildTimeWindow(resolveReportPeriod(report.scope), asOf);
    const agentFilter = buildAgentFilter(report.scope.agentIds);
    const agents = await loadAgentDirectory(db, orgId);
    const selection: AuditEventSelection = {
      orgId,
      categories: auditSummaryCategories,
      actionPrefix: apiKeyActionPrefix,
      agentFilter,
    };
    const population = createAuditEventPopulation(db, {
      source: "AuditEvent: events.events",
      filter: joinFilterText([
        columnEquals("orgId", orgId).text,
        window.describe("occurredAt"),
        auditEventKinds(selection).text,
        agentFilter.nullable.text,
      ]),
      selection,
      range: window.range,
    });
    const scope = { orgId, window, agentFilter };
    const signIns = createSignInPopulation(db, scope);
    const vaultAccesses = createAuditVaultAccessPopulation(db, scope);
    const queryLogs = createQueryLogPopulation(db, {
      source: "QueryLog: database_queries.queries",
      filter: joinFilterText([
        columnEquals("orgId", orgId).text,
        window.describe("occurredAt"),
        agentFilter.nullable.text,
      ]),
      where: allOf(columnEquals("orgId", orgId), agentFilter.nullable).sql,
      range: window.range,
    });
    // Before the manifest's counts (start-audit-trail-verification.ts).
    const verification = startAuditTrailVerification({ ctx, db, orgId, window });
    try {
      const run = await startReportRun({ ctx, db, orgId, output, agents, agentFilter, window, asOf }, [
        population,
        vaultAccesses,
        signIns,
        queryLogs,
      ]);

      // Every section's counts are queried ahead, in section order (the events
      // section comes last and needs none of them).
      const ahead = queryAhead(ctx, [
        async () => {
          const [byCategory, byActor, byAction, byDay] = await countAuditEventsBySets(
            db,
            population,
            [["category"], ["actorType", "actorId", "actorLabel"], ["category", "action", "outcome"], ["day"]],
            agents,
          );
          return { byCategory, byActor, byAction, byDay };
        },
        // Each topic is a slice of the population: its counts run over the population's condition and the topic's.
        ...auditTopics.map((topic) => () => countTopic(run, population, topic)),
        () => countVaultAccesses(run, vaultAccesses),
        () => countSignIns(run, signIns),
        () => countQueryLogs(run, queryLogs),
      ]);
      try {
        const results = ahead.results;
        const [overviewCounts] = results;
        const topicCounts = results.slice(1, 1 + auditTopics.length) as Array<Promise<TopicCounts>>;
        const [vaultCounts, signInCounts, queryLogCounts] = results.slice(1 + auditTopics.length) as [
          Promise<Awaited<ReturnType<typeof countVaultAccesses>>>,
          Promise<Awaited<ReturnType<typeof countSignIns>>>,
          Promise<Awaited<ReturnType<typeof countQueryLogs>>>,
        ];
        const overview = await overviewCounts;
        await output.startSection("overview", {
          title: "Administrative actions overview",
          description:
            "Counts of every administrative event in the period by category, by actor, by action and by UTC day, computed in the " +
            "database over the same population the events section lists in full. " +
            agentFilter.note,
          criteria: [],
          summary: {
            events: run.manifestOf(population).rowCount,
            byCategory: Object.fromEntries(overview.byCategory.map((row) => [String(row.category), row.count ?? 0])),
          },
        });
        await output.writeTable("counts_by_category", overview.byCategory);
        await output.writeTable("counts_by_actor", overview.byActor);
        await output.writeTable("counts_by_action", overview.byAction);
        await output.writeTable("counts_by_day", overview.byDay);
        await output.endSection();

        for (const [index, topic] of auditTopics.entries()) {
          ctx.checkpoint();
          // The secret area also reads the vault's own records, not only the audit events that mirror them.
          const extension =
            topic.key === "secret_access"
              ? await (async () => {
                  const counts = await vaultCounts;
                  return {
                    summary: summarizeVaultAccesses(run, vaultAccesses, counts),
                    write: () => writeVaultAccessTables(run, vaultAccesses, counts),
                  };
                })()
              : undefined;
          await writeTopicSection(run, topic, await topicCounts[index]!, extension);
        }
        ctx.checkpoint();
        await writeSignInSection(run, signIns, await signInCounts);
        ctx.checkpoint();
        await writeQueryLogSection(run, queryLogs, await queryLogCounts, { key: "database_queries", criteria: [] });

        await output.startSection("events", {
          title: "All administrative events (population)",
          description:
            "Every event counted above, in chronological order (occurred_at, then id). The row count equals the " +
            "manifest's count for this population.",
          criteria: [],
          summary: { events: run.manifestOf(population).rowCount },
        });
        await writePopulationTable({
          ...run,
          table: "events",
          source: population,
          manifest: run.manifestOf(population),
          toRow: (event) => toAuditEventRow(event, agents),
          rowJson: auditEventRowJson(agents),
        });
        await output.endSection();

        await writeAuditTrailIntegritySection(run, verification, []);
      } finally {
        ahead.stop();
      }
    } finally {
      await verification.stop();
    }
  },
};

type TopicCounts = Awaited<ReturnType<typeof countTopic>>;

/** A topic section's database counts (queried ahead of the section). */
async function countTopic(run: ReportRun, events: PopulationSource<unknown>, topic: AuditTopic) {
  const { db, orgId, agents } = run;
  const [byAction, byActor, ...extraRows] = await countAuditEventsBySets(
    db,
    events,
    [["action", "outcome"], ["actorType", "actorId", "actorLabel"], ...topic.extraCounts.map((extra) => extra.by)],
    agents,
    topic.condition,
  );
  const extras: Array<{ table: string; rows: ReportRow[] }> = [];
  for (const [index, extra] of topic.extraCounts.entries()) {
    const rows = extraRows[index]!;
    if (topic.key === "secret_access") await nameSecrets(run, orgId, rows);
    extras.push({ table: extra.table, rows });
  }
  return { byAction, byActor, extras };
}

/** What a topic adds besides its audit-event counts: summary figures and tables of another source. */
type TopicExtension = { summary: Record<string, number>; write(): Promise<void> };

async function writeTopicSection(
  run: ReportRun,
  topic: AuditTopic,
  counts: TopicCounts,
  extension?: TopicExtension,
): Promise<void> {
  const { output, agentFilter } = run;
  const { byAction, byActor, extras } = counts;
  await output.startSection(topic.key, {
    title: topic.title,
    description: `${topic.description} Counted in the database; the events themselves are in the events section (${topic.condition.text}). ${agentFilter.note}`,
    criteria: [],
    summary: {
      events: sumCounts(byAction),
      byAction: Object.fromEntries(
        [...new Set(byAction.map((row) => String(row.action)))].map((action) => [
          action,
          sumCounts(byAction, (row) => row.action === action),
        ]),
      ),
      ...extension?.summary,
    },
  });
  await output.writeTable("counts_by_action", byAction);
  await output.writeTable("counts_by_actor", byActor);
  for (const extra of extras) await output.writeTable(extra.table, extra.rows);
  await extension?.write();
  await output.endSection();
}

/** Secret events target a secret id; add its name (one lookup for the grouped ids). */
async function nameSecrets(run: ReportRun, orgId: string, rows: ReportRow[]): Promise<void> {
  const ids = [...new Set(rows.map((row) => row.target_id).filter((id): id is string => typeof id === "string"))];
  const secrets = await run.db.vaultSecret.findMany({
    where: { orgId, id: { in: ids } },
    select: { id: true, name: true },
  });
  const names = new Map(secrets.map((secret) => [secret.id, secret.name]));
  for (const row of rows)
    row.secret_name = typeof row.target_id === "string" ? (names.get(row.target_id) ?? null) : null;
}
