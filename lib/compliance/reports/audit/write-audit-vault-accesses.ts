// The vault's own access records in the Audit Summary's secret section: reads,
// rotations, creations and deletions the vault logged (pushed through ingest
// or seeded), whether or not an audit event of category `secrets` mirrors them.
import type { Database } from "@/lib/db";
import { allOf, columnEquals } from "@/lib/db/sql-condition";
import type { AgentFilter } from "../build-agent-filter";
import type { TimeWindow } from "../build-time-window";
import { countPopulationGroups } from "../count-population-groups";
import { joinFilterText } from "../join-filter-text";
import type { PopulationSource } from "../population-source";
import { createVaultAccessPopulation, type VaultAccessRecord } from "../sources/vault-access-population";
import type { ReportRun } from "../start-report-run";
import { writePopulationTable } from "../write-population-table";
import { toVaultAccessRow, vaultAccessRowJson } from "../to-vault-access-row";

export function createAuditVaultAccessPopulation(
  db: Database,
  { orgId, window, agentFilter }: { orgId: string; window: TimeWindow; agentFilter: AgentFilter },
): PopulationSource<VaultAccessRecord> {
  const org = columnEquals("orgId", orgId);
  return createVaultAccessPopulation(db, {
    source: "VaultAccess: secret_access.vault_accesses",
    filter: joinFilterText([org.text, window.describe("occurredAt"), agentFilter.nullable.text]),
    where: allOf(org, agentFilter.nullable).sql,
    range: window.range,
  });
}

/** Counts of the vault's records (queried ahead of the section). */
export async function countVaultAccesses(run: ReportRun, accesses: PopulationSource<VaultAccessRecord>) {
  const { db, orgId } = run;
  const bySecret = await countPopulationGroups(db, accesses, ["secretId", "action", "outcome"]);
  const byActor = await countPopulationGroups(
    db,
    accesses,
    ["actorType", "actorId", "actorLabel", "action", "outcome"],
    { orderBy: ["actorType", "actorLabel", "actorId", "action", "outcome"] },
  );
  const names = new Map(
    (
      await db.vaultSecret.findMany({
        where: { orgId, id: { in: [...new Set(bySecret.map((group) => String(group.secretId)))] } },
        select: { id: true, name: true },
      })
    ).map((secret) => [secret.id, secret.name]),
  );
  return { bySecret, byActor, names };
}

export type VaultAccessCounts = Awaited<ReturnType<typeof countVaultAccesses>>;

/** The summary figures the secret section adds for the vault's records. */
export function summarizeVaultAccesses(
  run: ReportRun,
  accesses: PopulationSource<VaultAccessRecord>,
  counts: VaultAccessCounts,
) {
  const sum = (match: (group: { action: string | null; outcome: string | null }) => boolean) =>
    counts.bySecret.filter(match).reduce((total, group) => total + group.count, 0);
  return {
    vaultAccesses: run.manifestOf(accesses).rowCount,
    vaultReads: sum((group) => group.action === "read"),
    vaultRotations: sum((group) => group.action === "rotate"),
    vaultRefused: sum((group) => group.outcome === "denied" || group.outcome === "failure"),
  };
}

export async function writeVaultAccessTables(
  run: ReportRun,
  accesses: PopulationSource<VaultAccessRecord>,
  counts: VaultAccessCounts,
): Promise<void> {
  const { output, agents } = run;
  await output.writeTable(
    "vault_access_by_secret",
    counts.bySecret.map((group) => ({
      secret_id: group.secretId,
      secret_name: counts.names.get(String(group.secretId)) ?? null,
      action: group.action,
      outcome: group.outcome,
      count: group.count,
    })),
  );
  await output.writeTable(
    "vault_access_by_actor",
    counts.byActor.map((group) => ({
      actor_type: group.actorType,
      actor_id: group.actorId,
      actor: group.actorLabel,
      action: group.action,
      outcome: group.outcome,
      count: group.count,
    })),
  );
  await writePopulationTable({
    ...run,
    table: "vault_accesses",
    source: accesses,
    manifest: run.manifestOf(accesses),
    toRow: (access) => toVaultAccessRow(access, agents),
    rowJson: vaultAccessRowJson,
  });
}
