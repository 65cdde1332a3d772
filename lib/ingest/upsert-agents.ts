// Creates or updates the org's agents from the platform's configuration, keyed
// by email address (unique per org), in one transaction. Returns each agent's
// id: what emails, DLP violations and other records reference as `agentId`.
// Each agent created or changed gets an audit event (agent.created,
// agent.config_changed with the changed fields before and after), appended to
// the org's chain in the same transaction; an agent sent unchanged is neither
// written nor audited.
import "server-only";
import { appendLockedAuditEvents } from "@/lib/audit/append-locked-audit-events";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { lockAuditChain } from "@/lib/audit/lock-audit-chain";
import type { UnlinkedAuditEvent } from "@/lib/audit-chain/link-audit-event";
import type { Identity } from "@/lib/auth/identity";
import { db as defaultDb, type Database } from "@/lib/db";
import { assertCallerOrg } from "@/lib/ingest/assert-caller-org";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { diffConfigFields, toJsonFields, type ConfigChange } from "@/lib/ingest/diff-config-fields";
import type { AgentBatch } from "@/lib/ingest/schemas";
import { toConfigChangeEvent } from "@/lib/ingest/to-config-change-event";

export type UpsertAgentsResult = {
  kind: "agents";
  /** Agents created or updated by this request. */
  accepted: number;
  created: number;
  updated: number;
  records: { id: string; emailAddress: string; status: "created" | "updated" }[];
};

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
      // The chain first (on SQLite also the write lock): the events written last follow a head no one else moves.
      const head = await lockAuditChain(tx, orgId);
      const existing = await tx.agent.findMany({
        where: { orgId, emailAddress: { in: data.map((agent) => agent.emailAddress) } },
        select: {
          id: true,
          name: true,
          emailAddress: true,
          description: true,
          status: true,
          allowedTools: true,
          allowedRecipientDomains: true,
          dailySendLimit: true,
        },
      });
      const stored = new Map(existing.map((agent) => [agent.emailAddress, agent]));
      const now = new Date();
      const events: UnlinkedAuditEvent[] = [];
      const audited = (action: string, id: string, change: ConfigChange) =>
        toConfigChangeEvent(
          ctx.identity,
          { action, category: "agent_config", targetType: "agent", targetId: id, agentId: id, ...change },
          now,
        );
      // An org has dozens of agents, so updating them one by one costs little.
      for (const agent of data) {
        const current = stored.get(agent.emailAddress);
        if (!current) continue;
        const change = diffConfigFields(current, agent);
        if (!change) continue;
        await tx.agent.update({ where: { id: current.id }, data: agent, select: { id: true } });
        events.push(audited("agent.config_changed", current.id, change));
      }
      const fresh = data.filter((agent) => !stored.has(agent.emailAddress));
      const created = fresh.length
        ? await tx.agent.createManyAndReturn({
            data: fresh.map((agent) => ({ ...agent, orgId })),
            select: { id: true, emailAddress: true },
          })
        : [];
      const createdIds = new Map(created.map((agent) => [agent.emailAddress, agent.id]));
      for (const agent of fresh) {
        events.push(
          audited("agent.created", createdIds.get(agent.emailAddress)!, { before: null, after: toJsonFields(agent) }),
        );
      }
      await appendLockedAuditEvents(tx, head, events);
      return { updatedIds: new Map(existing.map((agent) => [agent.emailAddress, agent.id])), createdIds };
    }, chainTransactionOptions);

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
