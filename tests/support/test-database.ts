// Fresh, migrated databases for tests: a temp SQLite file, or a uniquely named
// database on the PostgreSQL server of TEST_DATABASE_URL / DATABASE_URL.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { getDatabaseProvider, type DatabaseProvider } from "@/lib/db/database-url";

export interface TestDatabase {
  url: string;
  provider: DatabaseProvider;
  /** A scratch directory the run may use as ATTEST_DATA_DIR; removed by drop(). */
  directory: string;
  drop(): Promise<void>;
}

/** The PostgreSQL server tests should use, or undefined for SQLite. */
export function getTestPostgresServerUrl(): string | undefined {
  const candidate = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  return candidate && getDatabaseProvider(candidate) === "postgresql" ? candidate : undefined;
}

export interface CreateTestDatabaseOptions {
  /** Apply the committed migrations (otherwise the database is empty). */
  migrate?: boolean;
  /** Part of the temp directory / database name, to tell runs apart. */
  label?: string;
  /** A PostgreSQL server URL to create the database on, or "sqlite"; default: getTestPostgresServerUrl(). */
  server?: string;
}

/** Creates a fresh database; call drop() when done. */
export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const label = options.label ?? "test";
  const serverUrl = options.server === "sqlite" ? undefined : (options.server ?? getTestPostgresServerUrl());
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `attest-${label}-`));
  let database: TestDatabase;
  if (serverUrl) {
    const name = `attest_${label}_${Date.now().toString(36)}_${crypto.randomBytes(4).toString("hex")}`;
    await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = {
      url: url.toString(),
      provider: "postgresql",
      directory,
      drop: async () => {
        // FORCE ends connections a test left open (pools of leaked clients).
        await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
        fs.rmSync(directory, { recursive: true, force: true });
      },
    };
  } else {
    database = {
      url: `file:${path.join(directory, "attest.db")}`,
      provider: "sqlite",
      directory,
      drop: async () => fs.rmSync(directory, { recursive: true, force: true }),
    };
  }
  if (options.migrate) {
    try {
      await applyMigrations(database.url);
    } catch (error) {
      await database.drop();
      throw error;
    }
  }
  return database;
}

/**
 * Drops test databases a killed run left behind (older than `maxAgeMs`; the
 * creation time is in the name), never a database a parallel run is using.
 */
export async function dropStaleTestDatabases(serverUrl: string, maxAgeMs = 6 * 60 * 60 * 1000): Promise<string[]> {
  return withAdminClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname ~ '^attest_[a-z]+_[0-9a-z]+_[0-9a-f]{8}$'",
    );
    const stale = rows
      .map((row) => row.datname)
      .filter((name) => Date.now() - parseInt(name.split("_")[2] ?? "", 36) > maxAgeMs);
    for (const name of stale) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    return stale;
  });
}

/** True when a PostgreSQL server answers at `serverUrl` (for tests that skip without one). */
export async function isPostgresReachable(serverUrl: string): Promise<boolean> {
  try {
    await withAdminClient(serverUrl, (client) => client.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

async function withAdminClient<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Error(
      `Test PostgreSQL server unreachable (${(error as Error).message}); unset TEST_DATABASE_URL to test on SQLite.`,
    );
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
