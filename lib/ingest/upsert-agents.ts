// Creates or updates the org's agents from the platform's configuration, keyed
// by email address (unique per org), in one transaction. Returns each agent's
// id: what emails, DLP violations and other records reference as `agentId`.
import "server-only";
import type { Identity } from "@/lib/auth/identity";
import { db as defaultDb, type Database } from "@/lib/db";
import { assertCallerOrg } from "@/lib/ingest/assert-caller-org";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import type { AgentBatch } from "@/lib/ingest/schemas";
import { takeWriteLock } from "@/lib/ingest/take-write-lock";

export type UpsertAgentsResult = {
  kind: "agents";
  /** Agents created or updated by this request. */
  accepted: number;
  created: number;
  updated: number;
  records: { id: string; emailAddress: string; status: "created" | "updated" }[];
};

const transactionOptions = { maxWait: 10_000, timeout: 60_000 };

export async function upsertAgents(
  ctx: { identity: Identity; db?: Database },
  batch: AgentBatch,
): Promise<UpsertAgentsResult> {
  const orgId = ctx.identity.orgId;
  assertCallerOrg(orgId, batch);
  const database = ctx.db ?? defaultDb;
  const data = batch.records.map(({ orgId: _ignored, ...agent }) => agent);

  const run = () =>
    database.$transaction(async (tx) => {
      await takeWriteLock(tx);
      const existing = await tx.agent.findMany({
        where: { orgId, emailAddress: { in: data.map((agent) => agent.emailAddress) } },
        select: { id: true, emailAddress: true },
      });
      const idOf = new Map(existing.map((agent) => [agent.emailAddress, agent.id]));
      // An org has dozens of agents, so updating them one by one costs little.
      for (const agent of data) {
        const id = idOf.get(agent.emailAddress);
        if (id) await tx.agent.update({ where: { id }, data: agent, select: { id: true } });
      }
      const fresh = data.filter((agent) => !idOf.has(agent.emailAddress));
      const created = fresh.length
        ? await tx.agent.createManyAndReturn({
            data: fresh.map((agent) => ({ ...agent, orgId })),
            select: { id: true, emailAddress: true },
          })
        : [];
      return { updatedIds: idOf, createdIds: new Map(created.map((agent) => [agent.emailAddress, agent.id])) };
    }, transactionOptions);

  // Two requests creating the same new agent: the later meets the unique key; again, it updates.
  const { updatedIds, createdIds } = await run().catch((error: unknown) => {
    if (isUniqueViolation(error)) return run();
    throw error;
  });

  return {
    kind: "agents",
    accepted: data.length,
    created: createdIds.size,
    updated: updatedIds.size,
    records: data.map((agent) => {
      const updatedId = updatedIds.get(agent.emailAddress);
      return updatedId
        ? { id: updatedId, emailAddress: agent.emailAddress, status: "updated" as const }
        : {
            id: createdIds.get(agent.emailAddress) ?? "",
            emailAddress: agent.emailAddress,
            status: "created" as const,
          };
    }),
  };
}
