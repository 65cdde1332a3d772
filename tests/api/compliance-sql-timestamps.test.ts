// Raw SQL must write and compare DateTime exactly as Prisma does. On SQLite the
// better-sqlite3 adapter stores ISO-8601 text with a "+00:00" offset, not the
// "Z" of Date.toISOString(): a row inserted raw with "…Z" is not equal to the
// same instant in a Prisma filter and sorts after it, which breaks equality
// and (time, id) keyset paging. sqlTimestamp() is the engine's one conversion.
import { describe, expect, it } from "vitest";
import { sqlTimestamp } from "@/lib/db/sql-timestamp";
import { db } from "@/lib/db";
import { getDatabaseProvider } from "@/lib/db/database-url";
import { createTestOrg } from "@/tests/support/fixtures";
import { insertAuditEvents } from "@/tests/support/insert-audit-events";

const isSqlite = getDatabaseProvider() === "sqlite";

describe.runIf(isSqlite)("SQLite DateTime text", () => {
  it("is what Prisma writes, and what sqlTimestamp produces", async () => {
    const { orgId } = await createTestOrg();
    const at = new Date("2026-01-31T23:59:59.999Z");
    const event = { id: `ts-${orgId}` };
    await insertAuditEvents(db, [
      {
        id: event.id,
        orgId,
        occurredAt: at,
        actorType: "system",
        action: "test.timestamp",
        category: "system_config",
        outcome: "success",
      },
    ]);
    const [row] = await db.$queryRaw<
      { text: string }[]
    >`SELECT CAST("occurredAt" AS TEXT) AS "text" FROM "AuditEvent" WHERE "id" = ${event.id}`;
    expect(row?.text).toBe("2026-01-31T23:59:59.999+00:00");
    expect(sqlTimestamp(at, "sqlite")).toBe(row?.text);
  });

  it("does not match a raw '…Z' row in an equality filter (why raw inserts must not use toISOString())", async () => {
    const { orgId } = await createTestOrg();
    const at = new Date("2026-01-15T12:00:00.000Z");
    await db.$executeRaw`INSERT INTO "AuditEvent" ("id", "orgId", "occurredAt", "actorType", "action", "category", "outcome", "seq", "prevHash", "hash", "salt", "source")
      VALUES (${`raw-${orgId}`}, ${orgId}, ${at.toISOString()}, 'system', 'test.raw', 'system_config', 'success', 1, '', '', '', 'attest')`;
    const equal = await db.auditEvent.count({ where: { orgId, occurredAt: at } });
    const after = await db.auditEvent.count({ where: { orgId, occurredAt: { gt: at } } });
    expect({ equal, after }).toEqual({ equal: 0, after: 1 });
  });
});

describe.runIf(!isSqlite)("PostgreSQL timestamps", () => {
  it("take ISO text through an explicit cast", async () => {
    const at = new Date("2026-01-31T23:59:59.999Z");
    const [row] = await db.$queryRaw<
      { same: boolean }[]
    >`SELECT (${sqlTimestamp(at, "postgresql")}::timestamp(3) = ${"2026-01-31 23:59:59.999"}::timestamp(3)) AS "same"`;
    expect(row?.same).toBe(true);
  });
});
