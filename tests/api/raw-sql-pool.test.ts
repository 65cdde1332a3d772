// The PostgreSQL raw pool (downloads, artifact storage): its size is
// configurable and waiting for a free connection is bounded, so a client that
// reads slowly cannot make every other download hang; the wait answers 503.
import { afterEach, describe, expect, inject, it } from "vitest";
import { toErrorResponse } from "@/lib/api/to-error-response";
import { createRawSql, type RawSql } from "@/lib/db/raw-sql";
import { Prisma } from "@/lib/generated/sqlite/client";

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

describe.runIf(!isPostgres)("SQLite raw connection", () => {
  it("has no pool to exhaust", async () => {
    const sql = createRawSql(inject("databaseUrl"), { poolSize: 1, connectionTimeoutMs: 300 });
    opened.push(sql);
    expect(await sql.query(Prisma.sql`SELECT 1 AS "one"`)).toEqual([{ one: 1 }]);
  });
});
