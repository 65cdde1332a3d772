// The PostgreSQL raw pool (downloads, artifact storage): its size is
// configurable and waiting for a free connection is bounded, so a client that
// reads slowly cannot make every other download hang; the wait answers 503.
import { afterEach, describe, expect, inject, it } from "vitest";
import { toErrorResponse } from "@/lib/api/to-error-response";
import { createRawSql, type RawSql } from "@/lib/db/raw-sql";
import { Prisma } from "@/lib/generated/sqlite/client";
import pg from "pg";

const isPostgres = inject("databaseProvider") === "postgresql";
const opened: RawSql[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((sql) => sql.close()));
});

describe.runIf(isPostgres)("PostgreSQL raw pool", () => {
  it("answers 503 with Retry-After when its one connection stays busy, and serves again once it is free", async () => {
    const sql = createRawSql(inject("databaseUrl"), { poolSize: 1, connectionTimeoutMs: 300 });
    opened.push(sql);
    // A download that has started and is read slowly holds its connection.
    const slow = sql.copyOut(Prisma.sql`SELECT generate_series(1, 2000000)`, "FORMAT text")[Symbol.asyncIterator]();
    expect((await slow.next()).done).toBe(false);

    const startedAt = Date.now();
    const error = await sql.query(Prisma.sql`SELECT 1 AS "one"`).catch((caught: unknown) => caught);
    expect(Date.now() - startedAt).toBeLessThan(5000);
    const response = toErrorResponse(error, "request-1");
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await response.json()).error).toMatchObject({ code: "database_unavailable" });

    await slow.return?.(undefined);
    expect(await sql.query(Prisma.sql`SELECT 1 AS "one"`)).toEqual([{ one: 1 }]);
  });
});

describe.runIf(isPostgres)("PostgreSQL raw pool when the database drops its connections", () => {
  async function terminate(pid: number): Promise<void> {
    const admin = new pg.Client({ connectionString: inject("databaseUrl") });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend($1)", [pid]);
    } finally {
      await admin.end();
    }
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  // Unlistened, pg raises a dead connection's error as an uncaught exception:
  // in a report worker thread that ended the thread (the database-down drill).
  it("an idle connection that dies is dropped quietly, and the next query opens a new one", async () => {
    const sql = createRawSql(inject("databaseUrl"), { poolSize: 1 });
    opened.push(sql);
    const [{ pid }] = (await sql.query<{ pid: number }>(Prisma.sql`SELECT pg_backend_pid() AS "pid"`)) as [
      { pid: number },
    ];
    await terminate(pid);
    await settle();
    const [again] = await sql.query<{ pid: number }>(Prisma.sql`SELECT pg_backend_pid() AS "pid"`);
    expect(again?.pid).not.toBe(pid);
  });

  it("a connection that dies under a COPY fails that COPY, not the process", async () => {
    const sql = createRawSql(inject("databaseUrl"), { poolSize: 1 });
    opened.push(sql);
    const rows = sql
      .copyOut(Prisma.sql`SELECT pg_backend_pid() FROM generate_series(1, 2000000)`, "FORMAT text")
      [Symbol.asyncIterator]();
    const first = await rows.next();
    const pid = Number(
      Buffer.from(first.value as Uint8Array)
        .toString("utf8")
        .split("\n")[0],
    );
    await terminate(pid);
    await settle();
    await expect(
      (async () => {
        for (;;) if ((await rows.next()).done) break;
      })(),
    ).rejects.toThrow();
    expect(await sql.query(Prisma.sql`SELECT 1 AS "one"`)).toEqual([{ one: 1 }]);
  });
});

describe.runIf(!isPostgres)("SQLite raw connection", () => {
  it("has no pool to exhaust", async () => {
    const sql = createRawSql(inject("databaseUrl"), { poolSize: 1, connectionTimeoutMs: 300 });
    opened.push(sql);
    expect(await sql.query(Prisma.sql`SELECT 1 AS "one"`)).toEqual([{ one: 1 }]);
  });
});
