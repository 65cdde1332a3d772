// Report generation's connections: PostgreSQL without parallel query, the
// URL's own options kept; SQLite untouched.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { toBackgroundDatabaseUrl } from "@/lib/db/to-background-database-url";

/** What node-postgres itself makes of a URL (no connection is opened). */
const parse = (url: string) => {
  const { connectionParameters } = new pg.Client({ connectionString: url }) as unknown as {
    connectionParameters: { options?: string; database?: string; user?: string; password?: string };
  };
  return connectionParameters;
};

describe("toBackgroundDatabaseUrl", () => {
  it("turns parallel query off for PostgreSQL, as pg reads the URL", () => {
    const url = toBackgroundDatabaseUrl("postgres://root@127.0.0.1:5432/attest?sslmode=disable");
    const config = parse(url);
    expect(config.options).toBe("-c max_parallel_workers_per_gather=0");
    expect(config.database).toBe("attest");
    expect(config.user).toBe("root");
    expect(new URL(url).searchParams.get("sslmode")).toBe("disable");
  });

  it("keeps options the URL already sets", () => {
    const url = toBackgroundDatabaseUrl("postgresql://u:p@db/x?options=-c%20statement_timeout%3D5000");
    expect(parse(url).options).toBe("-c statement_timeout=5000 -c max_parallel_workers_per_gather=0");
    expect(parse(url).password).toBe("p");
  });

  it("leaves a SQLite URL as it is", () => {
    expect(toBackgroundDatabaseUrl("file:./data/attest.db")).toBe("file:./data/attest.db");
  });
});
