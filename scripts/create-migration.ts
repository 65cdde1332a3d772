// npm run db:migrate:new -- <name> [--provider sqlite|postgresql]
// Writes prisma/<provider>/migrations/<timestamp>_<name>/migration.sql for both
// providers: the SQL that takes the committed migrations to prisma/models.prisma.
// Works offline (wasm schema engine); PostgreSQL's shadow database lives on
// SHADOW_DATABASE_ADMIN_URL (default postgres://root@127.0.0.1:5432/postgres).
import fs from "node:fs";
import path from "node:path";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { diffSchemaAgainstMigrations, migrationLockToml } from "@/lib/db/diff-schema-against-migrations";
import { getMigrationsDirectory, getPrismaDirectory } from "@/lib/db/read-migrations";

const PROVIDERS: DatabaseProvider[] = ["sqlite", "postgresql"];

function parseArguments(argv: string[]): { name: string; providers: DatabaseProvider[] } {
  const words: string[] = [];
  let providers = PROVIDERS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--provider" || arg.startsWith("--provider=")) {
      const value = arg.includes("=") ? arg.split("=")[1] : argv[++i];
      if (value !== "sqlite" && value !== "postgresql")
        throw new Error(`--provider must be sqlite or postgresql, got ${value}`);
      providers = [value];
    } else if (!arg.startsWith("-")) {
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
  if (!slug) throw new Error("Usage: npm run db:migrate:new -- <name> [--provider sqlite|postgresql]");
  return { name: slug, providers };
}

function utcTimestamp(date = new Date()): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

function readSchemaFiles(provider: DatabaseProvider) {
  const folder = path.join(getPrismaDirectory(), provider);
  return ["schema.prisma", "models.prisma"].map((file) => ({
    path: path.join(folder, file),
    content: fs.readFileSync(path.join(folder, file), "utf8"),
  }));
}

async function main() {
  const { name, providers } = parseArguments(process.argv.slice(2));
  const folderName = `${utcTimestamp()}_${name}`;

  // Diff every provider before writing anything, so a failure leaves no half-made pair.
  const scripts: { provider: DatabaseProvider; sql: string | null }[] = [];
  for (const provider of providers) {
    const sql = await diffSchemaAgainstMigrations({
      provider,
      migrationsDirectory: getMigrationsDirectory(provider),
      schemaFiles: readSchemaFiles(provider),
      postgresAdminUrl: process.env.SHADOW_DATABASE_ADMIN_URL,
    });
    scripts.push({ provider, sql });
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
