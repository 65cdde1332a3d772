// globalSetup of the `api` project: one fresh, migrated database per run,
// handed to the test workers (tests/support/use-test-database.ts) and dropped at the end.
import type { TestProject } from "vitest/node";
import { createTestDatabase, dropStaleTestDatabases, getTestPostgresServerUrl } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseProvider: "sqlite" | "postgresql";
    dataDirectory: string;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = getTestPostgresServerUrl();
  if (serverUrl) await dropStaleTestDatabases(serverUrl);
  const database = await createTestDatabase({ migrate: true, label: "api" });
  project.provide("databaseUrl", database.url);
  project.provide("databaseProvider", database.provider);
  project.provide("dataDirectory", database.directory);
  return async () => {
    await database.drop();
  };
}
