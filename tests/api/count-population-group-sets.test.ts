// Several groupings of one population counted together (one GROUPING SETS scan
// on PostgreSQL, a query each on SQLite) answer exactly what each grouping's
// own GROUP BY answers: the same groups, counts and order, nulls included.
import { beforeAll, describe, expect, it } from "vitest";
import { auditEventDayColumn } from "@/lib/compliance/reports/audit-event-day-column";
import { countPopulationGroupSets } from "@/lib/compliance/reports/count-population-group-sets";
import { countPopulationGroups } from "@/lib/compliance/reports/count-population-groups";
import { db } from "@/lib/db";
import { columnEquals } from "@/lib/db/sql-condition";
import { Prisma } from "@/lib/generated/sqlite/client";
import { createTestOrg, type TestOrg } from "@/tests/support/fixtures";

let org: TestOrg;
let other: TestOrg;

const actors = [
  { actorType: "agent", actorId: "a-2", actorLabel: "Zoë" },
  { actorType: "agent", actorId: "a-1", actorLabel: "ada" },
  { actorType: "user", actorId: null, actorLabel: "Ángel" },
  { actorType: "user", actorId: "u-1", actorLabel: null },
  { actorType: "system", actorId: null, actorLabel: null },
];
const databases = ["crm", "Billing", "warehouse"];
const outcomes = ["success", "failure", "denied"];

beforeAll(async () => {
  [org, other] = await Promise.all([createTestOrg(), createTestOrg()]);
  const rows = (orgId: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      orgId,
      ...actors[(i * 7) % actors.length]!,
      database: databases[(i * 3) % databases.length]!,
      statement: "SELECT 1",
      rowsReturned: i,
      durationMs: i,
      outcome: outcomes[(i * 5) % outcomes.length]!,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    }));
  await db.queryLog.createMany({ data: [...rows(org.orgId, 97), ...rows(other.orgId, 13)] });
});

describe("countPopulationGroupSets", () => {
  const population = () => ({ table: "QueryLog", where: Prisma.sql`"orgId" = ${org.orgId}` });
  const sets = [
    ["outcome"],
    ["actorType", "actorId", "actorLabel"],
    ["database", "outcome"],
    ["actorLabel", "database"],
    [],
  ] as const;

  it("answers each grouping as its own GROUP BY does, with and without a narrowing condition", async () => {
    for (const and of [undefined, columnEquals("actorType", "agent")]) {
      const together = await countPopulationGroupSets(db, population(), sets, { and });
      const apart = await Promise.all(sets.map((by) => countPopulationGroups(db, population(), by, { and })));
      expect(together).toEqual(apart);
    }
    const counted = await countPopulationGroupSets(db, population(), sets);
    expect(counted[0]!.reduce((sum, group) => sum + group.count, 0)).toBe(97);
    expect(counted[4]).toEqual([{ count: 97 }]);
  });

  it("counts only the population's rows", async () => {
    const [byOutcome] = await countPopulationGroupSets(
      db,
      { table: "QueryLog", where: Prisma.sql`"orgId" = ${other.orgId}` },
      sets,
    );
    expect(byOutcome!.reduce((sum, group) => sum + group.count, 0)).toBe(13);
  });
});

describe("a derived grouping column: the UTC day of occurredAt", () => {
  let dayOrg: TestOrg;
  // Both ends of a day, the next day's first instant, and a later day twice.
  const times = [
    Date.UTC(2026, 2, 1, 0, 0, 0, 0),
    Date.UTC(2026, 2, 1, 23, 59, 59, 999),
    Date.UTC(2026, 2, 2, 0, 0, 0, 0),
    Date.UTC(2026, 2, 31, 12),
    Date.UTC(2026, 2, 31, 13),
  ];

  beforeAll(async () => {
    dayOrg = await createTestOrg();
    await db.queryLog.createMany({
      data: times.map((time, i) => ({
        orgId: dayOrg.orgId,
        actorType: "agent",
        database: "crm",
        statement: "SELECT 1",
        rowsReturned: i,
        durationMs: i,
        outcome: outcomes[i % 2]!,
        occurredAt: new Date(time),
      })),
    });
  });

  it("is counted beside stored columns as its own GROUP BY counts it, as YYYY-MM-DD text", async () => {
    const population = { table: "QueryLog", where: Prisma.sql`"orgId" = ${dayOrg.orgId}` };
    const derived = auditEventDayColumn(db);
    const sets = [["outcome"], ["day"], ["day", "outcome"]] as const;
    const together = await countPopulationGroupSets(db, population, sets, { derived });
    const apart = await Promise.all(sets.map((by) => countPopulationGroups(db, population, by, { derived })));
    expect(together).toEqual(apart);
    expect(together[1]).toEqual([
      { day: "2026-03-01", count: 2 },
      { day: "2026-03-02", count: 1 },
      { day: "2026-03-31", count: 2 },
    ]);
    expect(together[2]).toContainEqual({ day: "2026-03-01", outcome: "failure", count: 1 });
  });
});
