// A Prisma client whose SQLite queries run in a query thread (what the
// server's report workers use): same rows, transactions and error codes as the
// in-thread client, and the calling thread stays free while a query runs.
import { randomUUID } from "node:crypto";
import type { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/sqlite/client";
import { db, type Database } from "@/lib/db";
import { getDatabaseProvider } from "@/lib/db/database-url";
import { startSourceSqliteQueryThread } from "../../scripts/dev/start-source-sqlite-query-thread";

const isSqlite = getDatabaseProvider(process.env.DATABASE_URL) === "sqlite";

/** Counts this thread's event-loop turns until `promise` settles. */
async function turnsWhile(promise: Promise<unknown>): Promise<number> {
  let settled = false;
  let turns = 0;
  void promise.finally(() => (settled = true)).catch(() => undefined);
  while (!settled) {
    await new Promise((resolve) => setImmediate(resolve));
    turns += 1;
  }
  return turns;
}

/** A query that keeps SQLite busy for a while (a few hundred ms here). */
const slowQuery = Prisma.sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000)
                             SELECT COUNT(*) AS "count" FROM n`;

describe.skipIf(!isSqlite)("Prisma client on a SQLite query thread", () => {
  let threaded: Database;
  let thread: Worker;

  beforeAll(() => {
    ({ db: threaded, thread } = startSourceSqliteQueryThread(process.env.DATABASE_URL!));
  });

  afterAll(async () => {
    await threaded.$disconnect();
    await thread.terminate();
  });

  it("reads and writes the same rows as the in-thread client", async () => {
    const slug = `qt-${randomUUID()}`;
    const created = await threaded.organization.create({ data: { slug, name: "Query Thread Org" } });
    expect(await db.organization.findUnique({ where: { slug } })).toMatchObject({ id: created.id });

    const where = { slug: { startsWith: "qt-" } };
    const grouped = (client: Database) =>
      client.organization.groupBy({ by: ["name"], where, _count: { _all: true }, orderBy: { name: "asc" } });
    expect(await grouped(threaded)).toEqual(await grouped(db));
    expect(await threaded.organization.count({ where })).toBe(await db.organization.count({ where }));
  });

  it("commits a transaction, and rolls back one that throws", async () => {
    const kept = `qt-${randomUUID()}`;
    const dropped = `qt-${randomUUID()}`;
    await threaded.$transaction(async (tx) => {
      await tx.organization.create({ data: { slug: kept, name: "Kept" } });
      await tx.organization.update({ where: { slug: kept }, data: { name: "Kept and renamed" } });
    });
    await expect(
      threaded.$transaction(async (tx) => {
        await tx.organization.create({ data: { slug: dropped, name: "Dropped" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");

    expect(await db.organization.findUnique({ where: { slug: kept } })).toMatchObject({ name: "Kept and renamed" });
    expect(await db.organization.findUnique({ where: { slug: dropped } })).toBeNull();
  });

  it("reports a unique violation with Prisma's code and field, as in-thread", async () => {
    const slug = `qt-${randomUUID()}`;
    await threaded.organization.create({ data: { slug, name: "First" } });
    const failure = await threaded.organization.create({ data: { slug, name: "Second" } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(failure).toMatchObject({ code: "P2002" });
    expect(JSON.stringify((failure as Prisma.PrismaClientKnownRequestError).meta)).toContain("slug");
  });

  it("leaves the calling thread free while a query runs (the in-thread client blocks it)", async () => {
    const inThread = await turnsWhile(db.$queryRaw(slowQuery));
    const onThread = await turnsWhile(threaded.$queryRaw(slowQuery));
    expect(inThread).toBeLessThanOrEqual(2);
    expect(onThread).toBeGreaterThan(10);
  });

  it("fails queries in flight and later ones once the thread has stopped", async () => {
    const { db: doomed, thread: doomedThread } = startSourceSqliteQueryThread(process.env.DATABASE_URL!);
    await doomed.organization.count();
    const inFlight = doomed.$queryRaw(slowQuery);
    await doomedThread.terminate();
    await expect(inFlight).rejects.toThrow(/query thread stopped/);
    await expect(doomed.organization.count()).rejects.toThrow(/query thread stopped/);
  });
});
