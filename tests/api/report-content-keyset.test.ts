// Keyset paging of populations across many small pages: ties on the timestamp
// are broken by id, the period edges hold, nothing is skipped or read twice,
// and the raw-SQL audit event pages return what Prisma's findMany returns.
import { Prisma } from "@/lib/generated/sqlite/client";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAgentFilter } from "@/lib/compliance/reports/build-agent-filter";
import { createAuditEventPopulation } from "@/lib/compliance/reports/sources/audit-event-population";
import { createVaultAccessPopulation } from "@/lib/compliance/reports/sources/vault-access-population";
import type { Keyset, PopulationSource } from "@/lib/compliance/reports/population-source";
import { db } from "@/lib/db";
import { createTestOrg, uniqueSuffix } from "@/tests/support/fixtures";

const range = { gte: new Date("2026-05-01T00:00:00.000Z"), lt: new Date("2026-05-02T00:00:00.000Z") };

async function readAll<Row>(source: PopulationSource<Row>, take: number): Promise<Row[]> {
  const rows: Row[] = [];
  let after: Keyset | null = null;
  for (;;) {
    const page = await source.page(after, take);
    rows.push(...page);
    // A cursor that does not advance would loop forever: fail instead.
    if (rows.length > 1_000) throw new Error("keyset paging did not terminate");
    const last = page.at(-1);
    if (page.length < take || !last) return rows;
    after = source.keyOf(last);
  }
}

describe("keyset paging", () => {
  let orgId: string;
  let agentId: string;
  let otherAgentId: string;
  const s = uniqueSuffix();

  beforeAll(async () => {
    ({ orgId } = await createTestOrg());
    agentId = `ks-a-${s}`;
    otherAgentId = `ks-b-${s}`;
    await db.agent.createMany({
      data: [agentId, otherAgentId].map((id) => ({
        id,
        orgId,
        name: id,
        emailAddress: `${id}@keyset.test`,
        allowedTools: [],
        allowedRecipientDomains: [],
        dailySendLimit: 1,
      })),
    });
    // 23 events in the period, groups of 4 sharing one millisecond, ids not in
    // time order; plus one on each side of the period.
    const times = Array.from({ length: 23 }, (_, i) => new Date(range.gte.getTime() + Math.floor(i / 4) * 3_600_000));
    const events = times.map((at, i) => ({
      id: `ks-${s}-${String((i * 7) % 23).padStart(2, "0")}`,
      at,
      agentId: i % 3 === 0 ? otherAgentId : i % 3 === 1 ? agentId : null,
    }));
    events.push({ id: `ks-${s}-before`, at: new Date(range.gte.getTime() - 1), agentId });
    events.push({ id: `ks-${s}-after`, at: range.lt, agentId });
    await db.auditEvent.createMany({
      data: events.map((event) => ({
        id: event.id,
        orgId,
        occurredAt: event.at,
        actorType: "agent",
        action: "agent.action_denied",
        category: "agent_enforcement",
        agentId: event.agentId,
        outcome: "denied",
        metadata: { reason: "tool_not_allowed", n: event.id },
      })),
    });
    const secret = await db.vaultSecret.create({
      data: { orgId, name: `ks-${s}`, kind: "api_key" },
      select: { id: true },
    });
    await db.vaultAccess.createMany({
      data: events.map((event) => ({
        id: `va-${event.id}`,
        orgId,
        secretId: secret.id,
        action: "read",
        actorType: "agent",
        agentId: event.agentId,
        outcome: "success",
        occurredAt: event.at,
      })),
    });
  });

  it.each([1, 2, 3, 4, 5, 50])("reads audit events in (time, id) order, each once, with pages of %i", async (take) => {
    for (const agentIds of [[], [agentId]]) {
      const agentFilter = buildAgentFilter(agentIds);
      const source = createAuditEventPopulation(db, {
        source: "test",
        filter: "test",
        selection: { orgId, categories: ["agent_enforcement"], agentFilter },
        range,
      });
      const expected = await db.auditEvent.findMany({
        where: { AND: [{ orgId, category: "agent_enforcement", occurredAt: range }, agentFilter.nullable] },
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        select: { id: true, occurredAt: true, metadata: true, agentId: true },
      });
      const rows = await readAll(source, take);
      expect(
        rows.map((row) => ({ id: row.id, occurredAt: row.occurredAt, metadata: row.metadata, agentId: row.agentId })),
      ).toEqual(expected.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() })));
      expect(rows.length).toBe(await source.count());
      expect(rows[0]?.id).toBe((await source.edge("asc"))?.id);
      expect(rows.at(-1)?.id).toBe((await source.edge("desc"))?.id);
    }
  });

  it("reads vault accesses the same way, with each secret's name", async () => {
    const source = createVaultAccessPopulation(db, {
      source: "test",
      filter: "test",
      where: Prisma.sql`"orgId" = ${orgId}`,
      range,
    });
    const expected = await db.vaultAccess.findMany({
      where: { orgId, occurredAt: range },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect((await readAll(source, 3)).map((row) => row.id)).toEqual(expected.map((row) => row.id));
    expect(expected).toHaveLength(23);
  });
});
