// takeWriteLock on SQLite: a transaction that reads before writing must not
// fail with SQLITE_BUSY_SNAPSHOT when another connection (a report worker) commits
// in between. The lock is taken by the transaction's first statement.
import SqliteDatabase from "better-sqlite3";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { getSqliteFilePath } from "@/lib/db/database-url";
import { takeWriteLock } from "@/lib/ingest/take-write-lock";
import { createTestOrg, type TestOrg } from "@/tests/support/fixtures";

const isSqlite = inject("databaseProvider") === "sqlite";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg();
});

/** A second connection to the same file, like a report worker's; a short timeout makes a held lock visible. */
function openOtherConnection() {
  return new SqliteDatabase(getSqliteFilePath(inject("databaseUrl")), { timeout: 50 });
}

const renameBy = (other: SqliteDatabase.Database, name: string) =>
  other.prepare(`UPDATE "Organization" SET "name" = ? WHERE "id" = ?`).run(name, org.orgId);

describe.runIf(isSqlite)("takeWriteLock (SQLite)", () => {
  it("without it, a commit by another connection between a read and a write fails the transaction", async () => {
    const other = openOtherConnection();
    try {
      const attempt = db.$transaction(async (tx) => {
        await tx.agent.findMany({ where: { orgId: org.orgId }, select: { id: true } });
        renameBy(other, "changed by another connection");
        await tx.organization.update({ where: { id: org.orgId }, data: { name: "changed in the transaction" } });
      });
      await expect(attempt).rejects.toMatchObject({
        meta: { driverAdapterError: { cause: { originalCode: "SQLITE_BUSY_SNAPSHOT" } } },
      });
    } finally {
      other.close();
    }
  });

  it("with it, the other writer waits and the transaction commits", async () => {
    const other = openOtherConnection();
    let otherWasBlocked = false;
    try {
      await db.$transaction(async (tx) => {
        await takeWriteLock(tx);
        await tx.agent.findMany({ where: { orgId: org.orgId }, select: { id: true } });
        try {
          renameBy(other, "changed by another connection");
        } catch (error) {
          otherWasBlocked = (error as { code?: string }).code === "SQLITE_BUSY";
        }
        await tx.organization.update({ where: { id: org.orgId }, data: { name: "changed in the transaction" } });
      });
    } finally {
      other.close();
    }
    expect(otherWasBlocked).toBe(true);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.orgId }, select: { name: true } })).name).toBe(
      "changed in the transaction",
    );
  });
});

describe.runIf(!isSqlite)("takeWriteLock (PostgreSQL)", () => {
  it("is a no-op that leaves the transaction usable", async () => {
    const count = await db.$transaction(async (tx) => {
      await takeWriteLock(tx, "postgresql");
      return tx.agent.count({ where: { orgId: org.orgId } });
    });
    expect(count).toBe(0);
  });
});
