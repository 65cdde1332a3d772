// The committed migration history of one provider: prisma/<provider>/migrations/<timestamp>_<name>/migration.sql.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { getEnv } from "@/lib/env";

export interface CommittedMigration {
  /** The folder name, e.g. 20261127083000_init; also `_prisma_migrations.migration_name`. */
  name: string;
  sql: string;
  /** SHA-256 hex of the file's bytes, as Prisma computes it. */
  checksum: string;
}

/** prisma/ of the project; ATTEST_PRISMA_DIR points elsewhere (tests, packaged deployments). */
export function getPrismaDirectory(): string {
  return path.resolve(/*turbopackIgnore: true*/ getEnv().ATTEST_PRISMA_DIR ?? path.join(process.cwd(), "prisma"));
}

export function getMigrationsDirectory(provider: DatabaseProvider): string {
  return path.join(getPrismaDirectory(), provider, "migrations");
}

/** Migrations in the order Prisma applies them: folder names sorted lexically. */
export function readMigrations(directory: string): CommittedMigration[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(directory, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(directory, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: crypto.createHash("sha256").update(bytes).digest("hex") };
    });
}
