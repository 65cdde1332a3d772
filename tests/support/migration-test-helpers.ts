// For tests of one migration's data step: a copy of the committed migrations
// that stops before it, and plain SQL run on either database the way an older
// release would have written its rows.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { getSqliteFilePath, type DatabaseProvider } from "@/lib/db/database-url";
import { getMigrationsDirectory } from "@/lib/db/read-migrations";
import type { TestDatabase } from "@/tests/support/test-database";

/** A temporary directory with the committed migrations before `name`; `cleanups` removes it. */
export function copyMigrationsBefore(
  provider: DatabaseProvider,
  name: string,
  cleanups: (() => Promise<void>)[],
): string {
  const source = getMigrationsDirectory(provider);
  const target = fs.mkdtempSync(path.join(os.tmpdir(), "attest-migrations-before-"));
  cleanups.push(async () => fs.rmSync(target, { recursive: true, force: true }));
  for (const entry of fs.readdirSync(source)) {
    if (entry >= name && !entry.endsWith(".toml")) continue;
    fs.cpSync(path.join(source, entry), path.join(target, entry), { recursive: true });
  }
  return target;
}

/** Runs `?`-placeholder statements in order on the test database, with the raw driver. */
export async function executeStatements(database: TestDatabase, statements: [string, unknown[]][]): Promise<void> {
  if (database.provider === "sqlite") {
    const connection = new Database(getSqliteFilePath(database.url));
    try {
      for (const [sql, values] of statements) connection.prepare(sql).run(...(values as never[]));
    } finally {
      connection.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    for (const [sql, values] of statements) {
      let n = 0;
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        values,
      );
    }
  } finally {
    await client.end();
  }
}
