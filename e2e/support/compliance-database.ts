// Test-only writes into the database the e2e server uses (the same file that
// playwright.config.ts gives the webServer as DATABASE_URL), for states the UI
// cannot produce on demand, such as a report that failed. Values are written as
// the app's Prisma adapter writes them: DateTime as ISO-8601 text with a "+00:00"
// offset (not toISOString()'s "Z", which would sort after it), Json as text.
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";

export const demoOrgIds = { acme: "org_acme", globex: "org_globex" } as const;

function databaseFile(): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  return path.join(dataDir, "e2e.db");
}

function withDatabase<T>(work: (db: Database.Database) => T): T {
  const db = new Database(databaseFile());
  db.pragma("busy_timeout = 10000");
  try {
    return work(db);
  } finally {
    db.close();
  }
}

function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

export type FailedReportInput = {
  orgId: string;
  type: "soc2" | "gdpr" | "audit";
  title: string;
  scope: { dateRange?: { from: string; to: string }; agentIds: string[] };
  error: string;
  createdByLabel: string;
  createdAt?: Date;
};

/** A report whose every attempt failed, as the engine leaves it (status failed, reason kept). */
export function insertFailedReport(input: FailedReportInput): string {
  const id = `e2e_${randomUUID()}`;
  const createdAt = sqliteTimestamp(input.createdAt ?? new Date());
  withDatabase((db) =>
    db
      .prepare(
        `INSERT INTO "Report" ("id", "orgId", "type", "title", "status", "scope", "progress", "attempts", "maxAttempts",
           "error", "createdByType", "createdById", "createdByLabel", "createdAt", "startedAt", "completedAt")
         VALUES (?, ?, ?, ?, 'failed', ?, 0, 3, 3, ?, 'user', NULL, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.orgId,
        input.type,
        input.title,
        JSON.stringify(input.scope),
        input.error,
        input.createdByLabel,
        createdAt,
        createdAt,
        createdAt,
      ),
  );
  return id;
}

/** An agent of the org, by name. */
export function findAgent(orgId: string, name: string): { id: string; name: string } {
  return withDatabase((db) => {
    const agent = db.prepare(`SELECT "id", "name" FROM "Agent" WHERE "orgId" = ? AND "name" = ?`).get(orgId, name) as
      { id: string; name: string } | undefined;
    if (!agent) throw new Error(`No agent named ${name} in ${orgId}`);
    return agent;
  });
}

/** The org's agents with the most emails first (for a GDPR export that has content). */
export function listAgentsByEmailCount(orgId: string): { id: string; name: string; emails: number }[] {
  return withDatabase(
    (db) =>
      db
        .prepare(
          `SELECT a."id", a."name", (SELECT COUNT(*) FROM "Email" e WHERE e."agentId" = a."id") AS "emails"
           FROM "Agent" a WHERE a."orgId" = ? ORDER BY "emails" DESC, a."name"`,
        )
        .all(orgId) as { id: string; name: string; emails: number }[],
  );
}

/** A short-lived agent of the org (for a form that picks it before it disappears). */
export function insertAgent(orgId: string, name: string): { id: string; name: string } {
  const id = `e2e_agent_${randomUUID()}`;
  const now = sqliteTimestamp(new Date());
  withDatabase((db) =>
    db
      .prepare(
        `INSERT INTO "Agent" ("id", "orgId", "name", "emailAddress", "description", "status", "allowedTools",
           "allowedRecipientDomains", "dailySendLimit", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, '', 'active', '[]', '[]', 10, ?, ?)`,
      )
      .run(id, orgId, name, `${id}@agents.test`, now, now),
  );
  return { id, name };
}

export function deleteAgent(id: string): void {
  withDatabase((db) => db.prepare(`DELETE FROM "Agent" WHERE "id" = ?`).run(id));
}
