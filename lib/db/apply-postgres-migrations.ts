// PostgreSQL half of applyMigrations. A session advisory lock (Prisma's own
// key) serializes every migrating process; each migration and its history row
// commit together, so a failure leaves neither behind.
import crypto from "node:crypto";
import pg from "pg";
import { MigrationHistoryError, planPendingMigrations, type MigrationRecord } from "@/lib/db/plan-pending-migrations";
import { POSTGRES_MIGRATIONS_TABLE, PRISMA_ADVISORY_LOCK_KEY } from "@/lib/db/prisma-migrations-table";
import type { CommittedMigration } from "@/lib/db/read-migrations";
import { migrationDataSteps } from "@/lib/db/migration-data-steps";

export async function applyPostgresMigrations(
  url: string,
  migrations: CommittedMigration[],
): Promise<{ applied: string[]; missingLocally: string[] }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      await client.query(POSTGRES_MIGRATIONS_TABLE);
      const { rows } = await client.query<MigrationRecord>(
        "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations",
      );
      const plan = planPendingMigrations(migrations, rows);
      const applied: string[] = [];
      for (const migration of plan.pending) {
        await applyOne(client, migration);
        applied.push(migration.name);
      }
      return { applied, missingLocally: plan.missingLocally };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function applyOne(client: pg.Client, migration: CommittedMigration): Promise<void> {
  const startedAt = new Date();
  await client.query("BEGIN");
  try {
    // Without parameters node-postgres uses the simple protocol, which runs a whole script.
    await client.query(migration.sql);
    await migrationDataSteps[migration.name]?.postgresql(client);
  } catch (error) {
    await client.query("ROLLBACK");
    throw new MigrationHistoryError(
      `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
    );
  }
  try {
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
      [crypto.randomUUID(), migration.checksum, migration.name, startedAt],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
