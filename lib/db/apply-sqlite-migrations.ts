// SQLite half of applyMigrations. Each migration runs in a BEGIN IMMEDIATE
// transaction that also re-reads the history, so two processes starting at once
// serialize on SQLite's write lock: each migration is applied once, by
// whichever process holds the lock when it comes up.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { getSqliteFilePath } from "@/lib/db/database-url";
import { MigrationHistoryError, planPendingMigrations, type MigrationRecord } from "@/lib/db/plan-pending-migrations";
import { SQLITE_MIGRATIONS_TABLE, toSqliteMigrationTimestamp } from "@/lib/db/prisma-migrations-table";
import { migrationDataSteps } from "@/lib/db/migration-data-steps";
import type { CommittedMigration } from "@/lib/db/read-migrations";

const BUSY_TIMEOUT_MS = 30_000;

/**
 * Page size of a new database file. Report chunks are large blobs: larger
 * pages store them in fewer overflow pages, faster, and leave the report's own
 * queries no slower (docs/benchmarks.md, SQLite page size). It only takes
 * effect on a new, empty file.
 */
export const SQLITE_PAGE_SIZE = 65_536;

export function applySqliteMigrations(
  url: string,
  migrations: CommittedMigration[],
): { applied: string[]; missingLocally: string[] } {
  const file = getSqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const connection = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    // Before anything is written: the first write fixes a file's page size.
    connection.pragma(`page_size = ${SQLITE_PAGE_SIZE}`);
    // WAL lets report workers write while requests read; it persists in the file.
    switchToWal(connection);
    // Prisma's table redefinitions drop and recreate tables; with enforcement on,
    // dropping a parent would cascade-delete children. PRAGMA foreign_keys is a
    // no-op inside a transaction, so it is switched off here and checked before commit.
    connection.pragma("foreign_keys = OFF");

    const applied: string[] = [];
    let missingLocally: string[] = [];
    for (;;) {
      connection.exec("BEGIN IMMEDIATE");
      try {
        connection.exec(SQLITE_MIGRATIONS_TABLE);
        const records = connection
          .prepare("SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations")
          .all() as MigrationRecord[];
        const plan = planPendingMigrations(migrations, records);
        missingLocally = plan.missingLocally;
        const next = plan.pending[0];
        if (!next) {
          connection.exec("COMMIT");
          break;
        }
        applyOne(connection, next);
        connection.exec("COMMIT");
        applied.push(next.name);
      } catch (error) {
        if (connection.inTransaction) connection.exec("ROLLBACK");
        throw error;
      }
    }
    return { applied, missingLocally };
  } finally {
    connection.close();
  }
}

/**
 * Switching a new file to WAL reads the header and then upgrades to a write
 * lock; SQLite never runs the busy handler for such an upgrade, so a second
 * process starting at the same moment gets SQLITE_BUSY at once. Retry it for
 * as long as the busy timeout would have waited.
 */
function switchToWal(connection: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      connection.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      const busy = (error as { code?: string }).code?.startsWith("SQLITE_BUSY") ?? false;
      if (!busy || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(10 * attempt, 200));
    }
  }
}

function applyOne(connection: Database.Database, migration: CommittedMigration): void {
  const startedAt = new Date();
  try {
    connection.exec(migration.sql);
    migrationDataSteps[migration.name]?.sqlite(connection);
  } catch (error) {
    throw new MigrationHistoryError(
      `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
    );
  }
  const violations = connection.pragma("foreign_key_check") as unknown[];
  if (violations.length > 0) {
    throw new MigrationHistoryError(
      `Migration ${migration.name} left ${violations.length} foreign-key violation(s); it was rolled back.`,
    );
  }
  connection
    .prepare(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
    )
    .run(
      crypto.randomUUID(),
      migration.checksum,
      toSqliteMigrationTimestamp(new Date()),
      migration.name,
      toSqliteMigrationTimestamp(startedAt),
    );
}
