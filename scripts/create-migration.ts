// npm run db:migrate:new -- <name> [--provider sqlite|postgresql]
// Writes prisma/<provider>/migrations/<timestamp>_<name>/migration.sql for both
// providers: the SQL that takes the committed migrations to prisma/models.prisma.
// npm run db:migrate:new -- --check   exits 1 if the models need a migration (CI).
// Works offline (wasm schema engine); PostgreSQL's shadow database lives on
// SHADOW_DATABASE_ADMIN_URL (default postgres://root@127.0.0.1:5432/postgres).
import fs from "node:fs";
import path from "node:path";
import type { DatabaseProvider } from "@/lib/db/database-url";
import {
  diffSchemaAgainstMigrations,
  migrationLockToml,
  readProviderSchemaFiles,
} from "@/lib/db/diff-schema-against-migrations";
import { getMigrationsDirectory } from "@/lib/db/read-migrations";

const PROVIDERS: DatabaseProvider[] = ["sqlite", "postgresql"];

const USAGE = "Usage: npm run db:migrate:new -- <name> [--provider sqlite|postgresql] | --check";

function parseArguments(argv: string[]): { name: string; providers: DatabaseProvider[]; check: boolean } {
  const words: string[] = [];
  let providers = PROVIDERS;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--provider" || arg.startsWith("--provider=")) {
      const value = arg.includes("=") ? arg.split("=")[1] : argv[++i];
      if (value !== "sqlite" && value !== "postgresql")
        throw new Error(`--provider must be sqlite or postgresql, got ${value}`);
      providers = [value];
    } else if (arg === "--check") {
      check = true;
    } else if (arg.startsWith("-")) {
      throw new Error(`Unknown option ${arg}. ${USAGE}`);
    } else {
      words.push(arg);
    }
  }
  // Same shape as Prisma's folder names: lowercase words joined by underscores.
  const slug = words
    .join(" ")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!slug && !check) throw new Error(USAGE);
  return { name: slug, providers, check };
}

function utcTimestamp(date = new Date()): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

async function main() {
  const { name, providers, check } = parseArguments(process.argv.slice(2));
  const folderName = `${utcTimestamp()}_${name}`;

  // Diff every provider before writing anything, so a failure leaves no half-made pair.
  const scripts: { provider: DatabaseProvider; sql: string | null }[] = [];
  for (const provider of providers) {
    const sql = await diffSchemaAgainstMigrations({
      provider,
      migrationsDirectory: getMigrationsDirectory(provider),
      schemaFiles: readProviderSchemaFiles(provider),
      postgresAdminUrl: process.env.SHADOW_DATABASE_ADMIN_URL,
    });
    scripts.push({ provider, sql });
  }

  if (check) {
    const behind = scripts.filter((script) => script.sql !== null).map((script) => script.provider);
    if (behind.length === 0) {
      console.log("Migrations match prisma/models.prisma.");
      return;
    }
    console.error(
      `prisma/models.prisma has changes with no migration (${behind.join(", ")}). Run: npm run db:migrate:new -- <name>`,
    );
    process.exitCode = 1;
    return;
  }

  for (const { provider, sql } of scripts) {
    const directory = getMigrationsDirectory(provider);
    if (sql === null) {
      console.log(`${provider}: models match the migrations; nothing to write.`);
      continue;
    }
    fs.mkdirSync(path.join(directory, folderName), { recursive: true });
    fs.writeFileSync(path.join(directory, folderName, "migration.sql"), sql);
    const lockPath = path.join(directory, "migration_lock.toml");
    if (!fs.existsSync(lockPath)) fs.writeFileSync(lockPath, migrationLockToml(provider));
    console.log(
      `${provider}: wrote ${path.relative(process.cwd(), path.join(directory, folderName, "migration.sql"))}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
