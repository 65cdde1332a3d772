// What Prisma's own schema engine (wasm build, same version as the client)
// thinks of a database's migration history: the oracle for "prisma migrate
// status would agree" in tests.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DiagnoseMigrationHistoryOutput } from "@prisma/schema-engine-wasm";
import { getDatabaseProvider, getSqliteFilePath } from "@/lib/db/database-url";
import { openSchemaEngine } from "@/lib/db/load-schema-engine";
import { readMigrations } from "@/lib/db/read-migrations";

export async function diagnoseMigrationHistory(
  url: string,
  migrationsDirectory: string,
): Promise<DiagnoseMigrationHistoryOutput> {
  const factory =
    getDatabaseProvider(url) === "postgresql"
      ? new PrismaPg({ connectionString: url, max: 1 })
      : new PrismaBetterSqlite3({ url: `file:${getSqliteFilePath(url)}` });
  const { engine, explain, close } = await openSchemaEngine(factory);
  try {
    return await engine.diagnoseMigrationHistory({
      migrationsList: {
        baseDir: migrationsDirectory,
        lockfile: {
          path: "migration_lock.toml",
          content: fs.readFileSync(path.join(migrationsDirectory, "migration_lock.toml"), "utf8"),
        },
        shadowDbInitScript: "",
        migrationDirectories: readMigrations(migrationsDirectory).map((migration) => ({
          path: migration.name,
          migrationFile: { path: "migration.sql", content: { tag: "ok", value: migration.sql } },
        })),
      },
      optInToShadowDatabase: false,
      filters: { externalTables: [], externalEnums: [] },
    });
  } catch (error) {
    throw explain(error);
  } finally {
    await close();
  }
}
