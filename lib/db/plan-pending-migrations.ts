// Compares the committed migrations with the rows of `_prisma_migrations` and
// decides what to run, refusing the states `prisma migrate deploy` refuses.
import type { CommittedMigration } from "@/lib/db/read-migrations";

/** A row of Prisma's `_prisma_migrations` table (only the columns the plan needs). */
export interface MigrationRecord {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

export interface MigrationPlan {
  pending: CommittedMigration[];
  /** Applied to the database but absent from this checkout (code older than the database). */
  missingLocally: string[];
}

export class MigrationHistoryError extends Error {
  override name = "MigrationHistoryError";
}

export function planPendingMigrations(committed: CommittedMigration[], records: MigrationRecord[]): MigrationPlan {
  // Rolled-back rows are history only, as for Prisma.
  const live = records.filter((record) => record.rolled_back_at === null || record.rolled_back_at === undefined);

  const failed = live.filter((record) => record.finished_at === null || record.finished_at === undefined);
  if (failed.length > 0) {
    throw new MigrationHistoryError(
      `Migration ${failed.map((record) => record.migration_name).join(", ")} started but never finished. ` +
        "Inspect the database, then mark it rolled back (`prisma migrate resolve --rolled-back <name>`) " +
        "or delete its row from _prisma_migrations before migrating again.",
    );
  }

  const appliedByName = new Map(live.map((record) => [record.migration_name, record]));
  const edited = committed.filter((migration) => {
    const record = appliedByName.get(migration.name);
    return record !== undefined && record.checksum !== migration.checksum;
  });
  if (edited.length > 0) {
    throw new MigrationHistoryError(
      `Migration ${edited.map((migration) => migration.name).join(", ")} was modified after it was applied ` +
        "(its sha256 checksum differs from _prisma_migrations). Restore the original migration.sql and put " +
        "the change in a new migration (npm run db:migrate:new -- <name>).",
    );
  }

  const committedNames = new Set(committed.map((migration) => migration.name));
  return {
    pending: committed.filter((migration) => !appliedByName.has(migration.name)),
    missingLocally: [...appliedByName.keys()].filter((name) => !committedNames.has(name)).sort(),
  };
}
