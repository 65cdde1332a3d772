// Keyset paging of populations across many small pages: ties on the timestamp
// are broken by id, the period edges hold, nothing is skipped or read twice,
// and the raw-SQL audit event pages return what Prisma's findMany returns.
// Reading a whole population (`read`: keyset pages on SQLite, one COPY on
// PostgreSQL) gives the same rows, and awkward values survive either way.
import { Prisma } from "@/lib/generated/sqlite/client";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAgentFilter } from "@/lib/compliance/reports/build-agent-filter";
import { createAuditEventPopulation } from "@/lib/compliance/reports/sources/audit-event-population";
import { createEmailPopulation } from "@/lib/compliance/reports/sources/email-population";
import { createVaultAccessPopulation } from "@/lib/compliance/reports/sources/vault-access-population";
import type { Keyset, PopulationSource } from "@/lib/compliance/reports/population-source";
import { db } from "@/lib/db";
import { rawSqlOf } from "@/lib/db/raw-sql-of";
import { createTestOrg, uniqueSuffix } from "@/tests/support/fixtures";
import { insertAuditEvents } from "@/tests/support/insert-audit-events";

const range = { gte: new Date("2026-05-01T00:00:00.000Z"), lt: new Date("2026-05-02T00:00:00.000Z") };

async function readWhole<Row>(source: PopulationSource<Row>, batchRows: number): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const batch of source.read(batchRows)) {
    expect(batch.length).toBeLessThanOrEqual(Math.max(batchRows, 1_000));
    rows.push(...batch);
  }
  return rows;
}

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
    await insertAuditEvents(
      db,
      events.map((event) => ({
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
    );
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
        // Written here in Prisma's terms, independently of the filter's SQL under test.
        where: {
          AND: [
            { orgId, category: "agent_enforcement", occurredAt: range },
            agentIds.length > 0 ? { OR: [{ agentId: { in: agentIds } }, { agentId: null }] } : {},
          ],
        },
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

  it.each([1, 4, 2_000])("reads the whole population in the same order with read(%i)", async (batchRows) => {
    const agentFilter = buildAgentFilter([agentId]);
    const events = createAuditEventPopulation(db, {
      source: "test",
      filter: "test",
      selection: { orgId, categories: ["agent_enforcement"], agentFilter },
      range,
    });
    expect(await readWhole(events, batchRows)).toEqual(await readAll(events, 5));
    const accesses = createVaultAccessPopulation(db, {
      source: "test",
      filter: "test",
      where: Prisma.sql`"orgId" = ${orgId}`,
      range,
    });
    const whole = await readWhole(accesses, batchRows);
    expect(whole).toEqual(await readAll(accesses, 5));
    expect(whole.every((row) => row.secret.name === `ks-${s}`)).toBe(true);
  });
});

describe("awkward values", () => {
  let orgId: string;
  const s = uniqueSuffix();
  const at = (ms: number) => new Date(Date.UTC(2026, 4, 1, 9, 30, 0, ms));
  // Every escape COPY's text format has, NULL next to the text "\N", JSON
  // strings with quotes and backslashes, and fractions with trailing zeros.
  const awkward = [
    "tab\there, newline\nthere, CR\r, backslash \\ and \\N",
    "\\N",
    'émoji 🎉 ü — and a quote "',
    "=SUM(A1) formula-looking",
    "",
  ];

  beforeAll(async () => {
    ({ orgId } = await createTestOrg());
    await db.agent.create({
      data: {
        id: `aw-${s}`,
        orgId,
        name: "Awkward",
        emailAddress: `aw-${s}@awkward.test`,
        allowedTools: [],
        allowedRecipientDomains: [],
        dailySendLimit: 1,
      },
    });
    await insertAuditEvents(
      db,
      awkward.map((text, i) => ({
        id: `aw-${s}-${i}`,
        orgId,
        occurredAt: at([0, 120, 7, 999, 100][i]!),
        actorType: "user",
        actorId: i % 2 ? null : `user-${i}`,
        actorLabel: text,
        action: "user.updated",
        category: "user_admin",
        targetType: i % 2 ? null : text,
        targetId: null,
        agentId: i === 0 ? `aw-${s}` : null,
        outcome: "success",
        ip: i % 2 ? null : "2001:db8::1",
        metadata: i === 4 ? null : { text, nested: { list: [text, 1.5, true, null] }, before: { a: text } },
      })),
    );
    await db.email.createMany({
      data: awkward.map((text, i) => ({
        id: `aw-mail-${s}-${i}`,
        orgId,
        agentId: `aw-${s}`,
        direction: i % 2 ? "inbound" : "outbound",
        messageId: i % 2 ? null : `<${i}@awkward.test>`,
        fromAddress: `aw-${s}@awkward.test`,
        toAddresses: [`to\t${i}@example.com`, text],
        ccAddresses: [],
        subject: text,
        body: `${text}\n\nLine two\twith a tab.\r\n${text}`,
        sentAt: at(i * 10),
      })),
    });
  });

  it("audit events come back from read() exactly as Prisma stored them", async () => {
    const source = createAuditEventPopulation(db, {
      source: "test",
      filter: "test",
      selection: { orgId, categories: ["user_admin"], agentFilter: buildAgentFilter([]) },
      range,
    });
    const expected = await db.auditEvent.findMany({
      where: { orgId },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      omit: { orgId: true, prevHash: true, hash: true, salt: true, redactions: true },
    });
    expect(expected).toHaveLength(awkward.length);
    const rows = await readWhole(source, 2);
    expect(rows).toEqual(
      expected.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString(), metadata: row.metadata ?? null })),
    );
    expect(await readAll(source, 2)).toEqual(rows);
  });

  it("emails, bodies and address lists included, come back from read() exactly as stored", async () => {
    const source = createEmailPopulation(db, {
      source: "test",
      filter: "test",
      where: Prisma.sql`"orgId" = ${orgId} AND "agentId" = ${`aw-${s}`}`,
      range,
    });
    const expected = await db.email.findMany({
      where: { orgId },
      orderBy: [{ sentAt: "asc" }, { id: "asc" }],
      omit: { orgId: true, agentId: true },
    });
    expect(expected).toHaveLength(awkward.length);
    const rows = await readWhole(source, 3);
    expect(rows).toEqual(expected.map((row) => ({ ...row, sentAt: row.sentAt.toISOString() })));
    expect(await readAll(source, 3)).toEqual(rows);
  });

  it("a read abandoned part-way leaves the connection usable and a fresh read complete", async () => {
    const agentId = `aw-long-${s}`;
    await db.agent.create({
      data: {
        id: agentId,
        orgId,
        name: "Long",
        emailAddress: `${agentId}@awkward.test`,
        allowedTools: [],
        allowedRecipientDomains: [],
        dailySendLimit: 1,
      },
    });
    // About 600 KB of bodies: several COPY pieces on PostgreSQL, several pages on SQLite.
    await db.email.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        id: `aw-long-${s}-${String(i).padStart(3, "0")}`,
        orgId,
        agentId,
        direction: "inbound",
        fromAddress: `${agentId}@awkward.test`,
        toAddresses: [],
        ccAddresses: [],
        subject: `long ${i}`,
        body: `line\t${i}\n`.repeat(200),
        sentAt: at(0),
      })),
    });
    const source = createEmailPopulation(db, {
      source: "test",
      filter: "test",
      where: Prisma.sql`"orgId" = ${orgId} AND "agentId" = ${agentId}`,
      range,
    });
    let firstBatch = 0;
    for await (const batch of source.read(100)) {
      firstBatch = batch.length;
      break;
    }
    expect(firstBatch).toBeGreaterThan(0);
    expect(firstBatch).toBeLessThan(300);
    expect(await rawSqlOf(db).query(Prisma.sql`SELECT 1 AS "one"`)).toEqual([{ one: 1 }]);
    const rows = await readWhole(source, 100);
    expect(rows.map((row) => row.id)).toEqual(
      Array.from({ length: 300 }, (_, i) => `aw-long-${s}-${String(i).padStart(3, "0")}`),
    );
    expect(rows[299]!.body).toBe(`line\t299\n`.repeat(200));
  });
});
