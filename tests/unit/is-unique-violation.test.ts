// Ingest retries a batch that met another's keys (ingest-records.ts); on SQLite
// its rows are inserted on the better-sqlite3 connection itself (insert-rows.ts),
// so the driver's own errors must be told apart, not only Prisma's; on
// PostgreSQL they run on the transaction's node-postgres connection the same way.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the statement to fail");
}

describe("isUniqueViolation", () => {
  const connection = new Database(":memory:");
  connection.exec(`CREATE TABLE "T" ("id" TEXT PRIMARY KEY, "key" TEXT UNIQUE, "name" TEXT NOT NULL)`);
  connection.prepare(`INSERT INTO "T" VALUES ('a', 'k', 'first')`).run();

  it("recognises better-sqlite3's primary key and unique violations", () => {
    expect(isUniqueViolation(errorOf(() => connection.prepare(`INSERT INTO "T" VALUES ('a', 'x', 'n')`).run()))).toBe(
      true,
    );
    expect(isUniqueViolation(errorOf(() => connection.prepare(`INSERT INTO "T" VALUES ('b', 'k', 'n')`).run()))).toBe(
      true,
    );
  });

  it("does not take another constraint's failure for one", () => {
    const notNull = errorOf(() => connection.prepare(`INSERT INTO "T" VALUES ('c', 'z', NULL)`).run());
    expect((notNull as { code?: string }).code).toBe("SQLITE_CONSTRAINT_NOTNULL");
    expect(isUniqueViolation(notNull)).toBe(false);
    expect(isUniqueViolation(new Error("database is locked"))).toBe(false);
  });

  it("recognises Prisma's own and its driver adapter's unique violations", () => {
    expect(isUniqueViolation({ code: "P2002" })).toBe(true);
    expect(
      isUniqueViolation({
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } },
      }),
    ).toBe(true);
  });

  it("recognises node-postgres's unique violation by its SQLSTATE, and no other constraint's", () => {
    // The shape node-postgres gives a server error (DatabaseError: code is the SQLSTATE).
    expect(isUniqueViolation(Object.assign(new Error("duplicate key value"), { code: "23505" }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error("violates foreign key"), { code: "23503" }))).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error("null value"), { code: "23502" }))).toBe(false);
  });
});
