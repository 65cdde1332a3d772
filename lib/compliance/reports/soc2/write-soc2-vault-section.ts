import { countPopulationGroupSets } from "../count-population-group-sets";
import type { ReportRun } from "../start-report-run";
import { toIsoString } from "../to-json-value";
import { writePopulationTable } from "../write-population-table";
import { rotationMaxAgeDays, type Soc2Populations } from "./plan-soc2-populations";
import { toVaultAccessRow, vaultAccessRowJson } from "../to-vault-access-row";

const DAY_MS = 86_400_000;

/** The section's database counts (queried ahead of the section). */
export async function countSoc2Vault(run: ReportRun, populations: Soc2Populations) {
  const { db, orgId } = run;
  const accesses = populations.vaultAccesses;
  // One scan where the database can; a grouping's columns are also its order (actors by label before id).
  const [bySecret, byActor, byAgent] = await countPopulationGroupSets(db, accesses, [
    ["secretId", "action", "outcome"],
    ["actorType", "actorLabel", "actorId", "action", "outcome"],
    ["agentId", "action", "outcome"],
  ]);
  const { periodEnd } = populations.rotation;
  // The last logged successful rotation before the period end, per secret (one row per secret).
  const lastRotations = await db.vaultAccess.groupBy({
    by: ["secretId"],
    where: { orgId, action: "rotate", outcome: "success", occurredAt: { lt: periodEnd } },
    _max: { occurredAt: true },
    orderBy: [{ secretId: "asc" }],
  });
  const lastRotationOf = new Map(lastRotations.map((group) => [group.secretId, group._max.occurredAt]));
  const secretNames = new Map(
    (
      await db.vaultSecret.findMany({
        where: { orgId, id: { in: [...new Set(bySecret.map((group) => String(group.secretId)))] } },
        select: { id: true, name: true },
      })
    ).map((secret) => [secret.id, secret.name]),
  );
  return { bySecret, byActor, byAgent, lastRotationOf, secretNames };
}

/** CC6.1, CC7.2: who read and rotated which secrets, and which secrets went unrotated. */
export async function writeSoc2VaultSection(
  run: ReportRun,
  populations: Soc2Populations,
  counts: Awaited<ReturnType<typeof countSoc2Vault>>,
): Promise<void> {
  const { output, agentFilter, agents } = run;
  const { bySecret, byActor, byAgent, lastRotationOf, secretNames } = counts;
  const { cutoff, periodEnd } = populations.rotation;
  const sum = (groups: Array<{ action: string | null; count: number }>, action: string) =>
    groups.filter((group) => group.action === action).reduce((total, group) => total + group.count, 0);

  await output.startSection("vault", {
    title: "Vault access patterns",
    description:
      "Secret reads and rotations in the period by secret, by actor and by agent; every in-scope secret; the secrets " +
      `not rotated in the ${rotationMaxAgeDays} days before ${periodEnd.toISOString()} (the period end, or generation ` +
      "time for a period not yet over), judged by the vault's rotation log and the secret's last-rotated time; and " +
      `every vault access in the period (population). ${agentFilter.note}`,
    criteria: ["CC6.1", "CC7.2"],
    summary: {
      secrets: run.manifestOf(populations.secrets).rowCount,
      secretsNotRotated90Days: run.manifestOf(populations.staleSecrets).rowCount,
      accesses: run.manifestOf(populations.vaultAccesses).rowCount,
      reads: sum(bySecret, "read"),
      rotations: sum(bySecret, "rotate"),
      rotationCutoff: cutoff.toISOString(),
    },
  });
  await output.writeTable(
    "access_by_secret",
    bySecret.map((group) => ({
      secret_id: group.secretId,
      secret_name: secretNames.get(String(group.secretId)) ?? null,
      action: group.action,
      outcome: group.outcome,
      count: group.count,
    })),
  );
  await output.writeTable(
    "access_by_actor",
    byActor.map((group) => ({
      actor_type: group.actorType,
      actor_id: group.actorId,
      actor: group.actorLabel,
      action: group.action,
      outcome: group.outcome,
      count: group.count,
    })),
  );
  await output.writeTable(
    "access_by_agent",
    byAgent.map((group) => ({
      agent_id: group.agentId,
      agent_name: agents.nameOf(group.agentId),
      action: group.action,
      outcome: group.outcome,
      count: group.count,
    })),
  );
  const secretRow = (secret: {
    id: string;
    name: string;
    kind: string;
    agentId: string | null;
    createdAt: Date;
    lastRotatedAt: Date | null;
  }) => ({
    secret_id: secret.id,
    secret_name: secret.name,
    secret_kind: secret.kind,
    agent_id: secret.agentId,
    agent_name: agents.nameOf(secret.agentId),
    created_at: secret.createdAt.toISOString(),
    last_rotated_at: toIsoString(secret.lastRotatedAt),
  });
  await writePopulationTable({
    ...run,
    table: "secrets",
    source: populations.secrets,
    manifest: run.manifestOf(populations.secrets),
    toRow: secretRow,
  });
  await writePopulationTable({
    ...run,
    table: "not_rotated_90_days",
    source: populations.staleSecrets,
    manifest: run.manifestOf(populations.staleSecrets),
    toRow: (secret) => {
      const stored = secret.lastRotatedAt && secret.lastRotatedAt < periodEnd ? secret.lastRotatedAt : null;
      const logged = lastRotationOf.get(secret.id) ?? null;
      const lastRotation = stored && logged ? (stored > logged ? stored : logged) : (stored ?? logged);
      const since = lastRotation ?? secret.createdAt;
      return {
        ...secretRow(secret),
        last_rotated_at: toIsoString(lastRotation),
        days_since_rotation: Math.floor((periodEnd.getTime() - since.getTime()) / DAY_MS),
      };
    },
  });
  await writePopulationTable({
    ...run,
    table: "accesses",
    source: populations.vaultAccesses,
    manifest: run.manifestOf(populations.vaultAccesses),
    toRow: (access) => toVaultAccessRow(access, agents),
    rowJson: vaultAccessRowJson,
  });
  await output.endSection();
}
