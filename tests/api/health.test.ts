import { afterAll, describe, expect, inject, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { toErrorResponse } from "@/lib/api/to-error-response";
import { createDatabaseClient } from "@/lib/db";
import { checkDatabaseHealth } from "@/lib/health/check-database-health";

const healthRequest = () => new Request("http://localhost/api/health");

describe("GET /api/health", () => {
  it("answers 200 with the provider after querying the database", async () => {
    const response = await GET(healthRequest(), { params: Promise.resolve({}) });

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: inject("databaseProvider") });
  });
});

describe("checkDatabaseHealth", () => {
  // Port 1 on loopback refuses connections: a PostgreSQL server that is down.
  const unreachable = createDatabaseClient("postgres://nobody@127.0.0.1:1/attest");
  afterAll(() => unreachable.$disconnect());

  it("throws database_unavailable, which maps to 503 and the standard error body", async () => {
    const error = await checkDatabaseHealth(unreachable, "postgresql").catch((caught: unknown) => caught);

    const response = toErrorResponse(error, "req-health-test");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: {
        code: "database_unavailable",
        message: "The database is unavailable; try again shortly",
        requestId: "req-health-test",
      },
    });
  });

  it("gives up after its timeout when the database never answers", async () => {
    const silent = { $queryRaw: () => new Promise<never>(() => undefined) } as unknown as Parameters<
      typeof checkDatabaseHealth
    >[0];
    const started = Date.now();

    await expect(checkDatabaseHealth(silent, "postgresql", 50)).rejects.toMatchObject({ code: "database_unavailable" });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
