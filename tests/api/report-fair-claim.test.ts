// Claiming is fair across orgs: an org that queued many reports takes turns
// with one that queued a single report, instead of making it wait behind all
// of them. On a database of its own, since every claim here is unrestricted
// (it would take other test files' queued reports otherwise). Runs on SQLite
// and, with TEST_DATABASE_URL, on PostgreSQL, where claims still skip locked rows.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimNextReport } from "@/lib/compliance/jobs/claim-next-report";
import { createDatabaseClient, type Database } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let client: Database;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: true, label: "fairclaim" });
  client = createDatabaseClient(database.url);
});

afterAll(async () => {
  await client.$disconnect();
  await database.drop();
});

async function createOrg(name: string): Promise<string> {
  const slug = `${name.toLowerCase()}-${crypto.randomBytes(4).toString("hex")}`;
  return (await client.organization.create({ data: { slug, name }, select: { id: true } })).id;
}

/** `count` pending reports of `orgId`, a millisecond apart from `from` on. */
async function queue(orgId: string, count: number, from: Date): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, index) => ({
    id: `r-${crypto.randomUUID()}`,
    orgId,
    type: "soc2",
    title: "SOC2",
    scope: { agentIds: [] },
    createdByType: "user",
    createdByLabel: "test",
    createdAt: new Date(from.getTime() + index),
  }));
  await client.report.createMany({ data: rows });
  return rows.map((row) => row.id);
}

async function claimOrgs(count: number, orgOf: Map<string, string>, now: Date): Promise<string[]> {
  const claimed: string[] = [];
  for (let index = 0; index < count; index += 1) {
    // Claims a moment apart, as a worker's would be.
    const lease = await claimNextReport(client, "fair-worker", { now: new Date(now.getTime() + index * 1000) });
    expect(lease).not.toBeNull();
    claimed.push(orgOf.get(lease!.reportId)!);
  }
  return claimed;
}

describe("fair claiming across orgs", () => {
  it("claims a later org's single report within the first two claims, however many an earlier org queued", async () => {
    const [busy, quiet] = [await createOrg("Busy"), await createOrg("Quiet")];
    const start = new Date("2026-03-01T00:00:00Z");
    const busyIds = await queue(busy, 1000, start);
    const [quietId] = await queue(quiet, 1, new Date(start.getTime() + 60_000));
    const orgOf = new Map([...busyIds.map((id) => [id, "busy"] as const), [quietId!, "quiet"] as const]);

    const claimed = await claimOrgs(2, orgOf, new Date("2026-03-01T01:00:00Z"));
    expect(claimed).toContain("quiet");
    // Within an org the oldest goes first.
    const firstBusy = await client.report.findFirst({ where: { orgId: busy, startedAt: { not: null } } });
    expect(firstBusy?.id).toBe(busyIds[0]);

    await client.report.deleteMany({ where: { orgId: { in: [busy, quiet] } } });
  });

  it("takes turns between orgs with work waiting", async () => {
    const orgs = { a: await createOrg("A"), b: await createOrg("B"), c: await createOrg("C") };
    const start = new Date("2026-04-01T00:00:00Z");
    const orgOf = new Map<string, string>();
    for (const [label, orgId] of Object.entries(orgs)) {
      for (const id of await queue(orgId, 5, start)) orgOf.set(id, label);
    }
    const claimed = await claimOrgs(9, orgOf, new Date("2026-04-01T01:00:00Z"));
    // Each window of three claims served each org once.
    for (let window = 0; window < 9; window += 3) {
      expect(new Set(claimed.slice(window, window + 3))).toEqual(new Set(["a", "b", "c"]));
    }

    await client.report.deleteMany({ where: { orgId: { in: Object.values(orgs) } } });
  });

  it("never gives one report to two claimers running at once", async () => {
    const orgs = [await createOrg("X"), await createOrg("Y")];
    const ids = new Set<string>();
    for (const orgId of orgs) for (const id of await queue(orgId, 10, new Date("2026-05-01T00:00:00Z"))) ids.add(id);
    const second = createDatabaseClient(database.url);
    const claimAll = async (db: Database, worker: string) => {
      const claimed: string[] = [];
      for (let lease = await claimNextReport(db, worker); lease; lease = await claimNextReport(db, worker)) {
        claimed.push(lease.reportId);
      }
      return claimed;
    };
    const [first, other] = await Promise.all([claimAll(client, "worker-1"), claimAll(second, "worker-2")]);
    await second.$disconnect();
    expect([...first, ...other].sort()).toEqual([...ids].sort());
  });
});
