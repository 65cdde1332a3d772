// Configuration read in one place: every variable has a default, a bad value
// is refused with a message naming it, README.md's table lists exactly the
// variables lib/env.ts reads, and the server stops at start on a bad value.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EnvError, envVariables, exitOnInvalidEnv, getEnv, parseEnv, seedsDemoInto } from "@/lib/env";

/** The variable names of README.md's "### Server" table under "## Configuration". */
function readmeServerVariables(): string[] {
  const readme = fs.readFileSync(path.join(process.cwd(), "README.md"), "utf8");
  const configuration = readme.slice(readme.indexOf("## Configuration\n"));
  const server = configuration.slice(configuration.indexOf("### Server\n"));
  const table = server.slice(0, server.indexOf("\n#", "### Server\n".length));
  return [...table.matchAll(/^\| `([A-Z0-9_]+)` /gm)].map((match) => match[1]!);
}

function parseError(source: Record<string, string>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error("expected an EnvError");
}

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.restoreAllMocks();
});

describe("README's configuration table", () => {
  it("lists every variable lib/env.ts reads, and no other", () => {
    const documented = readmeServerVariables();
    expect(documented.length).toBeGreaterThan(10);
    expect([...documented].sort()).toEqual([...envVariables].sort());
  });
});

describe("parseEnv", () => {
  it("gives every variable its default when nothing is set", () => {
    expect(parseEnv({})).toEqual({
      DATABASE_POOL_SIZE: 10,
      DATABASE_POOL_TIMEOUT_SECONDS: 10,
      PORT: 3000,
      SHUTDOWN_GRACE_SECONDS: 25,
      ATTEST_SEED_DEMO: true,
      ATTEST_INGEST_RATE_LIMIT: 60,
      ATTEST_SHARE_LINK_RATE_LIMIT: 60,
      REPORT_WORKERS: 1,
      REPORT_LEASE_SECONDS: 60,
      REPORT_POLL_MS: 2000,
      REPORT_WORKER_HEAP_MB: 192,
      REPORT_WORKER_NICE: 10,
      REPORT_WORKERS_ON_DEMAND: true,
      REPORT_MAX_SECONDS: 3600,
      AUDIT_VERIFIED_LINES_MB: 32,
      REPORT_MAX_PENDING_PER_ORG: 20,
      COMPLIANCE_TICK_SECONDS: 60,
      PACKAGE_WAIT_SECONDS: 15,
      LOG_LEVEL: "info",
      DEBUG_SCHEMA_ENGINE: false,
    });
  });

  it("seeds the demo by default on SQLite only; ATTEST_SEED_DEMO=true asks for it on PostgreSQL", () => {
    const postgres = "postgres://attest@db:5432/attest";
    expect(parseEnv({ DATABASE_URL: "file:./data/attest.db" }).ATTEST_SEED_DEMO).toBe(true);
    expect(parseEnv({ DATABASE_URL: postgres }).ATTEST_SEED_DEMO).toBe(false);
    expect(parseEnv({ DATABASE_URL: postgres, ATTEST_SEED_DEMO: "true" }).ATTEST_SEED_DEMO).toBe(true);
    expect(seedsDemoInto(postgres, {})).toBe(false);
    expect(seedsDemoInto(undefined, {})).toBe(true);
    expect(seedsDemoInto("file:/tmp/x.db", { ATTEST_SEED_DEMO: "false" })).toBe(false);
  });

  it("reads values, trims numbers and URLs, and treats blank values as unset", () => {
    const env = parseEnv({
      DATABASE_URL: " postgres://attest@db:5432/attest ",
      REPORT_WORKERS: " 4 ",
      REPORT_LEASE_SECONDS: "7.5",
      ATTEST_SEED_DEMO: "FALSE",
      DEBUG_SCHEMA_ENGINE: "1",
      LOG_LEVEL: "warn",
      NEXTAUTH_SECRET: "  ",
      DEMO_PASSWORD: "",
      UNRELATED: "ignored",
    });
    expect(env).toMatchObject({
      DATABASE_URL: "postgres://attest@db:5432/attest",
      REPORT_WORKERS: 4,
      REPORT_LEASE_SECONDS: 7.5,
      ATTEST_SEED_DEMO: false,
      DEBUG_SCHEMA_ENGINE: true,
      LOG_LEVEL: "warn",
    });
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
    expect(env.DEMO_PASSWORD).toBeUndefined();
    expect(env).not.toHaveProperty("UNRELATED");
  });

  it("refuses REPORT_WORKERS=abc with a message naming the variable, what it accepts and the value", () => {
    const error = parseError({ REPORT_WORKERS: "abc" });
    expect(error.variables).toEqual(["REPORT_WORKERS"]);
    expect(error.message).toContain('REPORT_WORKERS must be an integer from 0 to 16 (got "abc")');
    expect(error.message).toContain("README.md");
  });

  it("names every bad variable at once", () => {
    const error = parseError({
      REPORT_WORKERS: "17",
      REPORT_LEASE_SECONDS: "2",
      LOG_LEVEL: "loud",
      ATTEST_SEED_DEMO: "maybe",
      NEXTAUTH_URL: "attest.example.com",
      PORT: "80a",
    });
    expect(error.variables.sort()).toEqual(
      ["ATTEST_SEED_DEMO", "LOG_LEVEL", "NEXTAUTH_URL", "PORT", "REPORT_LEASE_SECONDS", "REPORT_WORKERS"].sort(),
    );
    expect(error.message).toContain("REPORT_LEASE_SECONDS must be a number of at least 5");
    expect(error.message).toContain("LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent");
    expect(error.message).toContain("ATTEST_SEED_DEMO must be true or false");
  });

  it("does not echo a secret's value", () => {
    const error = parseError({ DATABASE_URL: "mysql://root:hunter2@db/attest" });
    expect(error.variables).toEqual(["DATABASE_URL"]);
    expect(error.message).toContain("DATABASE_URL must be a file: URL (SQLite) or a postgres:// URL");
    expect(error.message).not.toContain("hunter2");
  });
});

describe("getEnv", () => {
  it("follows process.env when a variable changes", () => {
    process.env.REPORT_POLL_MS = "500";
    expect(getEnv().REPORT_POLL_MS).toBe(500);
    expect(getEnv()).toBe(getEnv());
    process.env.REPORT_POLL_MS = "750";
    expect(getEnv().REPORT_POLL_MS).toBe(750);
  });
});

describe("exitOnInvalidEnv", () => {
  it("passes a valid configuration", () => {
    delete process.env.REPORT_WORKERS;
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    expect(exitOnInvalidEnv()).toBe(true);
    expect(exit).not.toHaveBeenCalled();
  });

  it("prints the variable's name and exits with status 1 on a bad value", () => {
    process.env.REPORT_WORKERS = "abc";
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(exitOnInvalidEnv()).toBe(false);
    expect(exit).toHaveBeenCalledWith(1);
    expect(printed.mock.calls.join("\n")).toMatch(/Attest cannot start[\s\S]*REPORT_WORKERS must be an integer/);
  });
});
