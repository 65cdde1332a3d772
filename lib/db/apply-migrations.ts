// Applies the committed migrations of the database's provider, in order, with
// no schema engine: each migration.sql runs in a transaction and is recorded in
// `_prisma_migrations` exactly as Prisma records it, so `prisma migrate status`
// and `migrate deploy` agree wherever Prisma's native engine is available.
import type { DatabaseProvider } from "@/lib/db/database-url";
import { getDatabaseProvider, getDatabaseUrl } from "@/lib/db/database-url";
import { applyPostgresMigrations } from "@/lib/db/apply-postgres-migrations";
import { applySqliteMigrations } from "@/lib/db/apply-sqlite-migrations";
import { getMigrationsDirectory, readMigrations } from "@/lib/db/read-migrations";

export interface ApplyMigrationsOptions {
  /** Defaults to prisma/<provider>/migrations. */
  migrationsDirectory?: string;
}

export interface ApplyMigrationsResult {
  provider: DatabaseProvider;
  /** Names applied by this call, in order; empty when the database was up to date. */
  applied: string[];
  /** Applied to the database but absent here: this code is older than the database. */
  missingLocally: string[];
}

export async function applyMigrations(
  url: string = getDatabaseUrl(),
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const provider = getDatabaseProvider(url);
  const directory = options.migrationsDirectory ?? getMigrationsDirectory(provider);
  const migrations = readMigrations(directory);
  // Starting on an empty schema would only fail later, on the first query.
  if (migrations.length === 0) {
    throw new Error(
      `No migrations found in ${directory}; set ATTEST_PRISMA_DIR to the folder holding prisma/<provider>/migrations.`,
    );
  }
  const outcome =
    provider === "postgresql" ? await applyPostgresMigrations(url, migrations) : applySqliteMigrations(url, migrations);
  return { provider, ...outcome };
}
