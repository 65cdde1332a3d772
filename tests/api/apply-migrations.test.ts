// applyMigrations on fresh databases of both providers (PostgreSQL when a
// server answers), checked against Prisma's own view of the history.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { SQLITE_PAGE_SIZE } from "@/lib/db/apply-sqlite-migrations";
import { getSqliteFilePath, type DatabaseProvider } from "@/lib/db/database-url";
import { MigrationHistoryError } from "@/lib/db/plan-pending-migrations";
import { getMigrationsDirectory, readMigrations } from "@/lib/db/read-migrations";
import { diagnoseMigrationHistory } from "@/tests/support/diagnose-migration-history";
import {
  createTestDatabase,
  getTestPostgresServerUrl,
  isPostgresReachable,
  type TestDatabase,
} from "@/tests/support/test-database";

const postgresServer = getTestPostgresServerUrl() ?? "postgres://root@127.0.0.1:5432/test";
const postgresAvailable = await isPostgresReachable(postgresServer);

const modelTables = [...fs.readFileSync("prisma/models.prisma", "utf8").matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: unknown;
  migration_name: string;
  logs: string | null;
  rolled_back_at: unknown;
  started_at: unknown;
  applied_steps_count: number;
}

async function query<T>(url: string, provider: DatabaseProvider, sql: string): Promise<T[]> {
  if (provider === "sqlite") {
    const connection = new Database(getSqliteFilePath(url), { readonly: true });
    try {
      return connection.prepare(sql).all() as T[];
    } finally {
      connection.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

function listTables(database: TestDatabase): Promise<string[]> {
  const sql =
    database.provider === "sqlite"
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
      : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name";
  return query<{ name: string }>(database.url, database.provider, sql).then((rows) => rows.map((row) => row.name));
}

function readMigrationRows(database: TestDatabase): Promise<MigrationRow[]> {
  return query<MigrationRow>(
    database.url,
    database.provider,
    "SELECT * FROM _prisma_migrations ORDER BY migration_name",
  );
}

/** A private copy of the provider's migrations that a test may edit. */
function copyMigrations(provider: DatabaseProvider): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "attest-migrations-"));
  fs.cpSync(getMigrationsDirectory(provider), directory, { recursive: true });
  cleanups.push(async () => fs.rmSync(directory, { recursive: true, force: true }));
  return directory;
}

function addMigration(directory: string, name: string, sql: string): void {
  fs.mkdirSync(path.join(directory, name));
  fs.writeFileSync(path.join(directory, name, "migration.sql"), sql);
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDatabase(server: string): Promise<TestDatabase> {
  const database = await createTestDatabase({ server, label: "migrate" });
  cleanups.push(() => database.drop());
  return database;
}

const providers = [
  { provider: "sqlite" as const, server: "sqlite", skip: false },
  { provider: "postgresql" as const, server: postgresServer, skip: !postgresAvailable },
];

describe.each(providers)("applyMigrations on $provider", ({ provider, server, skip }) => {
  const committed = readMigrations(getMigrationsDirectory(provider));

  it.skipIf(skip)("creates every model's table and records each migration as Prisma does", async () => {
    const database = await freshDatabase(server);

    const result = await applyMigrations(database.url);

    expect(result).toEqual({ provider, applied: committed.map((m) => m.name), missingLocally: [] });
    expect(await listTables(database)).toEqual(expect.arrayContaining([...modelTables, "_prisma_migrations"]));
    const rows = await readMigrationRows(database);
    expect(rows).toHaveLength(committed.length);
    rows.forEach((row, index) => {
      const file = fs.readFileSync(path.join(getMigrationsDirectory(provider), row.migration_name, "migration.sql"));
      expect(row).toMatchObject({
        migration_name: committed[index]!.name,
        checksum: crypto.createHash("sha256").update(file).digest("hex"),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).not.toBeNull();
      expect(new Date(row.finished_at as string).getTime()).toBeGreaterThanOrEqual(
        new Date(row.started_at as string).getTime(),
      );
    });
    // Prisma's own engine reads the same history as complete and unedited.
    expect(await diagnoseMigrationHistory(database.url, getMigrationsDirectory(provider))).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
  });

  it.skipIf(skip)("applies nothing the second time", async () => {
    const database = await freshDatabase(server);
    await applyMigrations(database.url);
    const before = await readMigrationRows(database);

    const second = await applyMigrations(database.url);

    expect(second.applied).toEqual([]);
    expect(await readMigrationRows(database)).toEqual(before);
  });

  it.skipIf(skip)("applies only a migration added later", async () => {
    const database = await freshDatabase(server);
    const directory = copyMigrations(provider);
    await applyMigrations(database.url, { migrationsDirectory: directory });
    addMigration(directory, "29990101000000_add_note", 'CREATE TABLE "Note" ("id" TEXT NOT NULL PRIMARY KEY);\n');

    const result = await applyMigrations(database.url, { migrationsDirectory: directory });

    expect(result.applied).toEqual(["29990101000000_add_note"]);
    expect(await listTables(database)).toContain("Note");
    expect(await diagnoseMigrationHistory(database.url, directory)).toMatchObject({
      history: null,
      editedMigrationNames: [],
    });
  });

  it.skipIf(skip)("refuses to run when an applied migration's file was changed", async () => {
    const database = await freshDatabase(server);
    const directory = copyMigrations(provider);
    await applyMigrations(database.url, { migrationsDirectory: directory });
    const first = committed[0]!.name;
    fs.appendFileSync(path.join(directory, first, "migration.sql"), "\n-- edited after the fact\n");
    addMigration(directory, "29990101000000_add_note", 'CREATE TABLE "Note" ("id" TEXT NOT NULL PRIMARY KEY);\n');

    const attempt = applyMigrations(database.url, { migrationsDirectory: directory });

    await expect(attempt).rejects.toBeInstanceOf(MigrationHistoryError);
    await expect(attempt).rejects.toThrow(`Migration ${first} was modified after it was applied`);
    expect(await listTables(database)).not.toContain("Note");
  });

  it.skipIf(skip)("rolls back a failing migration entirely and records nothing", async () => {
    const database = await freshDatabase(server);
    const directory = copyMigrations(provider);
    await applyMigrations(database.url, { migrationsDirectory: directory });
    addMigration(
      directory,
      "29990101000000_broken",
      'CREATE TABLE "Half" ("id" TEXT NOT NULL PRIMARY KEY);\nINSERT INTO "NoSuchTable" VALUES (1);\n',
    );

    await expect(applyMigrations(database.url, { migrationsDirectory: directory })).rejects.toThrow(
      "Migration 29990101000000_broken failed and was rolled back",
    );

    expect(await listTables(database)).not.toContain("Half");
    expect((await readMigrationRows(database)).map((row) => row.migration_name)).toEqual(committed.map((m) => m.name));
  });

  it.skipIf(skip)("lets two processes start at once: each migration is applied once, by one of them", async () => {
    const database = await freshDatabase(server);
    const run = () =>
      promisify(execFile)(path.join("node_modules", ".bin", "tsx"), ["scripts/migrate.ts"], {
        env: { ...process.env, DATABASE_URL: database.url },
      });

    const outputs = (await Promise.all([run(), run()])).map((output) => output.stdout);

    // PostgreSQL's advisory lock spans a whole run; SQLite's write lock is taken
    // per migration, so the two may share the work. Either way none runs twice.
    const appliedBy = outputs.map((output) => [...output.matchAll(/^ {2}(\S+)$/gm)].map((match) => match[1]));
    expect(appliedBy.flat().sort()).toEqual(committed.map((migration) => migration.name).sort());
    for (const [index, output] of outputs.entries()) {
      if (appliedBy[index]!.length === 0) expect(output).toContain("up to date, no migration applied");
      else expect(output).toContain(`applied ${appliedBy[index]!.length} migration(s)`);
    }
    expect((await readMigrationRows(database)).map((row) => row.migration_name)).toEqual(committed.map((m) => m.name));
  });
});

it("waits for another process's write lock while switching a new SQLite file to WAL", async () => {
  const database = await freshDatabase("sqlite");
  const file = getSqliteFilePath(database.url);
  // Another process holds the write lock for a moment, as a second server starting at once would.
  const holder = execFile(process.execPath, [
    "-e",
    `const db = new (require("better-sqlite3"))(${JSON.stringify(file)});
     db.exec("CREATE TABLE IF NOT EXISTS lock_holder (x)"); db.exec("BEGIN IMMEDIATE");
     db.exec("INSERT INTO lock_holder VALUES (1)"); console.log("locked");
     setTimeout(() => { db.exec("COMMIT"); db.close(); }, 400);`,
  ]);
  await new Promise<void>((resolve, reject) => {
    holder.stdout?.on("data", () => resolve());
    holder.on("exit", (code) => reject(new Error(`lock holder exited early (${code})`)));
  });

  const result = await applyMigrations(database.url);

  expect(result.applied).toHaveLength(readMigrations(getMigrationsDirectory("sqlite")).length);
  expect(await query<{ journal_mode: string }>(database.url, "sqlite", "PRAGMA journal_mode")).toEqual([
    { journal_mode: "wal" },
  ]);
});

it("puts a new SQLite database in WAL mode", async () => {
  const database = await freshDatabase("sqlite");
  await applyMigrations(database.url);
  expect(await query<{ journal_mode: string }>(database.url, "sqlite", "PRAGMA journal_mode")).toEqual([
    { journal_mode: "wal" },
  ]);
});

it("gives a new SQLite database 64 KiB pages and leaves an existing file's page size alone", async () => {
  const fresh = await freshDatabase("sqlite");
  await applyMigrations(fresh.url);
  expect(await query<{ page_size: number }>(fresh.url, "sqlite", "PRAGMA page_size")).toEqual([
    { page_size: SQLITE_PAGE_SIZE },
  ]);

  // A file created before this setting keeps its pages (and its data).
  const existing = await freshDatabase("sqlite");
  const connection = new Database(getSqliteFilePath(existing.url));
  connection.pragma("page_size = 4096");
  connection.pragma("journal_mode = WAL");
  connection.exec("CREATE TABLE kept (x)");
  connection.close();
  await applyMigrations(existing.url);
  expect(await query<{ page_size: number }>(existing.url, "sqlite", "PRAGMA page_size")).toEqual([{ page_size: 4096 }]);
  expect(await query<{ n: number }>(existing.url, "sqlite", "SELECT COUNT(*) AS n FROM kept")).toEqual([{ n: 0 }]);
});

it("refuses to start from a folder without migrations instead of leaving an empty schema", async () => {
  const database = await freshDatabase("sqlite");
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "attest-migrations-"));
  cleanups.push(async () => fs.rmSync(empty, { recursive: true, force: true }));

  await expect(applyMigrations(database.url, { migrationsDirectory: empty })).rejects.toThrow(
    `No migrations found in ${empty}`,
  );
});
