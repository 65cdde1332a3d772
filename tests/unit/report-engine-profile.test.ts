// The provider profiles: each says what its database does, and nothing in the
// engine outside lib/compliance/profiles/ decides by testing the provider.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getReportEngineProfile } from "@/lib/compliance/profiles/get-report-engine-profile";
import { Prisma } from "@/lib/generated/sqlite/client";

const at = new Date("2026-01-31T23:59:59.123Z");

describe("report engine profiles", () => {
  it("SQLite pages, inserts chunks and runs a query thread", () => {
    const profile = getReportEngineProfile("sqlite");
    expect(profile).toMatchObject({
      provider: "sqlite",
      bulkReads: "pages",
      chunkStore: "insert",
      hasQueryThread: true,
    });
    const { dialect } = profile;
    expect(dialect.timestamp(at)).toMatchObject({ sql: "?", values: ["2026-01-31T23:59:59.123+00:00"] });
    expect(dialect.jsonFieldText(Prisma.raw(`"metadata"`), "reason").sql).toBe(`json_extract("metadata", '$.reason')`);
    expect(dialect.utcDayKey(Prisma.raw(`"occurredAt"`)).sql).toBe(`substr("occurredAt", 1, 10)`);
    expect(dialect.utcDayText(Prisma.raw(`"day"`)).sql).toBe(`"day"`);
    expect(dialect.claimInTransaction).toBe(false);
    expect(dialect.claimReport({ workerId: "w", now: at, leaseExpiresAt: at }).sql).not.toMatch(/SKIP LOCKED/);
  });

  it("PostgreSQL streams COPY both ways and runs no query thread", () => {
    const profile = getReportEngineProfile("postgresql");
    expect(profile).toMatchObject({
      provider: "postgresql",
      bulkReads: "copy",
      chunkStore: "copy",
      hasQueryThread: false,
    });
    const { dialect } = profile;
    expect(dialect.timestamp(at)).toMatchObject({ sql: "?::timestamp(3)", values: ["2026-01-31T23:59:59.123Z"] });
    expect(dialect.jsonFieldText(Prisma.raw(`"metadata"`), "reason").sql).toBe(`"metadata"->>'reason'`);
    expect(dialect.utcDayKey(Prisma.raw(`"occurredAt"`)).sql).toBe(`("occurredAt")::date`);
    expect(dialect.utcDayText(Prisma.raw(`"day"`)).sql).toBe(`to_char("day", 'YYYY-MM-DD')`);
    expect(dialect.claimInTransaction).toBe(true);
    const claim = dialect.claimReport({ workerId: "w", now: at, leaseExpiresAt: at, reportId: "r" });
    expect(claim.sql).toMatch(/FOR UPDATE SKIP LOCKED/);
    expect(claim.values).toEqual([
      "w",
      "2026-01-31T23:59:59.123Z",
      "2026-01-31T23:59:59.123Z",
      "2026-01-31T23:59:59.123Z",
      "r",
    ]);
  });

  it("refuses a JSON field name that is not a plain name (it is written into the SQL)", () => {
    expect(() => getReportEngineProfile("postgresql").dialect.jsonFieldText(Prisma.raw(`"m"`), "a' OR '1")).toThrow();
  });

  it("is the only place in the engine that tests the provider", () => {
    const root = path.join(process.cwd(), "lib/compliance");
    const offenders: string[] = [];
    const visit = (directory: string) => {
      for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "profiles") visit(full);
        } else if (/\.tsx?$/.test(entry.name)) {
          const text = fs.readFileSync(full, "utf8");
          if (/provider\s*[!=]==|[!=]==\s*"(postgresql|sqlite)"/.test(text)) offenders.push(full);
        }
      }
    };
    visit(root);
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });
});
