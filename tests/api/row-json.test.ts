// Rows rendered without node building them must be the very text node
// renders from the same record: JSON.stringify(toAuditEventRow(record)) and
// JSON.stringify(toVaultAccessRow(record)). SQLite renders both itself
// (json_object, read in small keyset pages); audit events on PostgreSQL are
// rendered from their COPY lines, vault accesses there have no rendering.
// Every metadata shape the audit row tells apart, every source, awkward text,
// jsonb's spaces inside strings, numbers and keys JSON.parse would rewrite,
// agents of the org and not.
import { Prisma } from "@/lib/generated/sqlite/client";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { AuditEventSource } from "@/lib/audit-chain/chained-audit-event";
import { toUnlinkedAuditEvent, type AuditEventFields } from "@/lib/audit-chain/to-unlinked-audit-event";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { buildAgentFilter } from "@/lib/compliance/reports/build-agent-filter";
import { loadAgentDirectory } from "@/lib/compliance/reports/load-agent-directory";
import { createAuditEventPopulation } from "@/lib/compliance/reports/sources/audit-event-population";
import { createVaultAccessPopulation } from "@/lib/compliance/reports/sources/vault-access-population";
import { auditEventRowJson } from "@/lib/compliance/reports/audit-event-row-json";
import type { PopulationSource, RowJsonRendering } from "@/lib/compliance/reports/population-source";
import { toAuditEventRow } from "@/lib/compliance/reports/to-audit-event-row";
import { toVaultAccessRow, vaultAccessRowJson } from "@/lib/compliance/reports/to-vault-access-row";
import { db } from "@/lib/db";
import { createTestOrg, uniqueSuffix } from "@/tests/support/fixtures";

const sqlite = inject("databaseProvider") === "sqlite";
const range = { gte: new Date("2026-05-01T00:00:00.000Z"), lt: new Date("2026-05-02T00:00:00.000Z") };
const at = (minute: number, ms: number) => new Date(Date.UTC(2026, 4, 1, 10, minute, 0, ms));

const awkwardText = 'quote " backslash \\ tab \t newline \n control \u0001\u001f del \u007f sep \u2028 émoji 🎉';

/** [metadata, source] of each event, in time order. */
const cases: Array<[Record<string, unknown> | null, AuditEventSource]> = [
  [null, { kind: "attest" }],
  [{}, { kind: "attest" }],
  [{ before: { role: "member" }, after: { role: "admin" } }, { kind: "attest" }],
  [
    { before: null, after: 1, setting: "auth.mfaRequired" },
    { kind: "ingest", apiKeyId: "key_1", userId: null },
  ],
  [{ before: false }, { kind: "ingest", apiKeyId: null, userId: "usr_1" }],
  [
    { from: "member", to: "admin" },
    { kind: "ingest", apiKeyId: null, userId: null },
  ],
  [{ from: "member", to: "admin", reason: awkwardText }, { kind: "attest" }],
  [{ from: "only a from" }, { kind: "attest" }],
  [{ to: "only a to", before: [1, "two", { three: 3 }] }, { kind: "attest" }],
  [
    { text: awkwardText, numbers: [0, -0, 1.5, -2.25e-7, 1e21, 123456789012345], flags: [true, false, null] },
    { kind: "attest" },
  ],
  [{ nested: { before: "not at the top", list: [] }, empty: {} }, { kind: "attest" }],
  // jsonb's text has spaces after ":" and "," outside strings only; JSON.parse
  // puts integer-like keys first and rounds long integers.
  [{ note: "a: b, c", list: [1, -2, { k: "v, w" }], unicode: "émoji 🎉" }, { kind: "attest" }],
  [{ b: "second", "10": "integer-like key", "1a": "not one" }, { kind: "attest" }],
  [{ big: 12345678901234567, fine: 123456789012345, negative: -123456789012345 }, { kind: "attest" }],
  [{ note: "mentions before and from as words", flag: true }, { kind: "attest" }],
];

/** The population's rows as node renders them, and as `rendering` does on this database (SQLite: pages of three). */
async function renderBoth<Row>(
  population: PopulationSource<Row>,
  toRow: (row: Row) => unknown,
  rendering: RowJsonRendering,
): Promise<{ expected: string[]; rendered: string[] | null }> {
  const expected: string[] = [];
  for await (const rows of population.read(3)) {
    for (const row of rows) expected.push(JSON.stringify(toRow(row)));
  }
  const read = population.readJson(rendering, 3);
  if (!read) return { expected, rendered: null };
  const rendered: string[] = [];
  for await (const batch of read) rendered.push(...batch.rowJson);
  return { expected, rendered };
}

describe("rows rendered without node building them", () => {
  let orgId: string;
  let agentId: string;
  let foreignAgentId: string;
  const s = uniqueSuffix();

  beforeAll(async () => {
    ({ orgId } = await createTestOrg());
    const { orgId: otherOrgId } = await createTestOrg();
    agentId = `rj-a-${s}`;
    foreignAgentId = `rj-b-${s}`;
    const agent = (id: string, org: string, name: string) => ({
      id,
      orgId: org,
      name,
      emailAddress: `${id}@row-json.test`,
      allowedTools: [],
      allowedRecipientDomains: [],
      dailySendLimit: 1,
    });
    await db.agent.createMany({
      data: [agent(agentId, orgId, `Agent "${awkwardText}"`), agent(foreignAgentId, otherOrgId, "Not ours")],
    });
    const events = cases.map(([metadata, source], i) => {
      const fields: AuditEventFields = {
        orgId,
        occurredAt: at(i, [0, 999, 100, 7][i % 4]!),
        actorType: i % 2 ? "user" : "agent",
        actorId: i % 3 ? `actor-${i}` : null,
        actorLabel: i % 2 ? awkwardText : null,
        action: `test.action_${i}`,
        category: "user_admin",
        targetType: i % 2 ? null : "setting",
        targetId: i % 2 ? awkwardText : null,
        // The org's agent, another org's (no name: not in the org's directory), none.
        agentId: [agentId, foreignAgentId, null][i % 3],
        outcome: "success",
        ip: i % 2 ? "2001:db8::1" : null,
        metadata,
      };
      return toUnlinkedAuditEvent(`rj-${s}-${String(i).padStart(2, "0")}`, fields, source);
    });
    await db.$transaction((tx) => appendAuditEvents(tx, orgId, events));
    const secrets = [awkwardText, "plain"].map((name, i) => ({ id: `rj-sec-${s}-${i}`, orgId, name, kind: "api_key" }));
    await db.vaultSecret.createMany({ data: secrets });
    await db.vaultAccess.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        id: `rj-va-${s}-${i}`,
        orgId,
        secretId: secrets[i % 2]!.id,
        action: i % 3 ? "read" : "rotate",
        actorType: i % 2 ? "user" : "agent",
        actorId: i % 2 ? null : `actor-${i}`,
        actorLabel: i % 2 ? awkwardText : null,
        agentId: [agentId, foreignAgentId, null][i % 3],
        outcome: "success",
        occurredAt: at(i, [0, 999, 100, 7][i % 4]!),
      })),
    });
  });

  it("give exactly JSON.stringify(toAuditEventRow(record)) for every audit event", async () => {
    const population = createAuditEventPopulation(db, {
      source: "test",
      filter: "test",
      selection: { orgId, categories: ["user_admin"], agentFilter: buildAgentFilter([]) },
      range,
    });
    const agents = await loadAgentDirectory(db, orgId);
    const { expected, rendered } = await renderBoth(
      population,
      (row) => toAuditEventRow(row, agents),
      auditEventRowJson(agents),
    );

    expect(expected).toHaveLength(cases.length);
    expect(rendered).toEqual(expected);
    // The cases reach what they are there for.
    expect(rendered!.some((json) => json.includes('"agent_name":"Agent \\"quote'))).toBe(true);
    expect(rendered!.filter((json) => json.includes('"written_by":"ingest'))).toHaveLength(3);
  });

  it("give exactly JSON.stringify(toVaultAccessRow(record)) for every vault access on SQLite, none elsewhere", async () => {
    const population = createVaultAccessPopulation(db, {
      source: "test",
      filter: "test",
      where: Prisma.sql`"orgId" = ${orgId}`,
      range,
    });
    const agents = await loadAgentDirectory(db, orgId);
    const { expected, rendered } = await renderBoth(
      population,
      (row) => toVaultAccessRow(row, agents),
      vaultAccessRowJson,
    );

    expect(expected).toHaveLength(7);
    if (!sqlite) {
      expect(rendered).toBeNull();
      return;
    }
    expect(rendered).toEqual(expected);
    expect(rendered!.some((json) => json.includes(`"secret_name":${JSON.stringify(awkwardText)}`))).toBe(true);
  });
});
