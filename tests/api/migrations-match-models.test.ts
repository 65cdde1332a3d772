// Guards against editing prisma/models.prisma without a migration: the wasm
// schema engine replays the committed migrations and diffs them with the models.
import { describe, expect, it } from "vitest";
import { diffSchemaAgainstMigrations, readProviderSchemaFiles } from "@/lib/db/diff-schema-against-migrations";
import { getMigrationsDirectory } from "@/lib/db/read-migrations";
import { getTestPostgresServerUrl, isPostgresReachable } from "@/tests/support/test-database";

const postgresServer = getTestPostgresServerUrl() ?? "postgres://root@127.0.0.1:5432/test";
const postgresAvailable = await isPostgresReachable(postgresServer);

describe("committed migrations", () => {
  it("produce exactly prisma/models.prisma on SQLite", async () => {
    const sql = await diffSchemaAgainstMigrations({
      provider: "sqlite",
      migrationsDirectory: getMigrationsDirectory("sqlite"),
      schemaFiles: readProviderSchemaFiles("sqlite"),
    });
    expect(sql, "models changed without a migration: run npm run db:migrate:new -- <name>").toBeNull();
  });

  it.skipIf(!postgresAvailable)("produce exactly prisma/models.prisma on PostgreSQL", async () => {
    const sql = await diffSchemaAgainstMigrations({
      provider: "postgresql",
      migrationsDirectory: getMigrationsDirectory("postgresql"),
      schemaFiles: readProviderSchemaFiles("postgresql"),
      postgresAdminUrl: postgresServer,
    });
    expect(sql, "models changed without a migration: run npm run db:migrate:new -- <name>").toBeNull();
  });
});
