// What one browser-test run shares between playwright.config.ts, the server it
// starts and the fixtures: the database (chosen by E2E_DATABASE_URL) and the
// session secret. Fixed once in the runner process; the server and the test
// workers inherit them through the environment.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { getDatabaseProvider, type DatabaseProvider } from "@/lib/db/database-url";
import { generateSigningKey } from "@/lib/signing/generate-signing-key";

export type E2eRun = {
  /** The database the server serves and the fixtures write to. */
  databaseUrl: string;
  provider: DatabaseProvider;
  /** The server's NEXTAUTH_SECRET, so fixtures can mint session cookies it accepts. */
  authSecret: string;
  /** On PostgreSQL, the signing key the server must be given (SQLite generates its own). */
  signingKey: string | null;
};

/** Chooses the run's database and secret unless the environment already holds them (workers, a reused server). */
export function establishE2eRun(dataDir: string): E2eRun {
  process.env.E2E_SERVER_DATABASE_URL ??= chooseDatabaseUrl(process.env.E2E_DATABASE_URL, dataDir);
  process.env.E2E_NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  if (getDatabaseProvider(process.env.E2E_SERVER_DATABASE_URL) === "postgresql") {
    process.env.E2E_SIGNING_KEY ??= JSON.stringify(generateSigningKey());
  }
  return readE2eRun();
}

export function readE2eRun(): E2eRun {
  const databaseUrl = process.env.E2E_SERVER_DATABASE_URL;
  const authSecret = process.env.E2E_NEXTAUTH_SECRET;
  if (!databaseUrl || !authSecret) {
    throw new Error("E2E_SERVER_DATABASE_URL and E2E_NEXTAUTH_SECRET are not set (playwright.config.ts sets them)");
  }
  return {
    databaseUrl,
    provider: getDatabaseProvider(databaseUrl),
    authSecret,
    signingKey: process.env.E2E_SIGNING_KEY ?? null,
  };
}

/**
 * Unset (or "sqlite"): a SQLite file in the run's data directory. A postgres://
 * server URL: a database of the run's own on that server, named like the API
 * tests' databases so stale ones can be swept; start-e2e-server.mjs creates
 * and drops it.
 */
function chooseDatabaseUrl(requested: string | undefined, dataDir: string): string {
  const value = requested?.trim();
  if (!value || value.toLowerCase() === "sqlite") return `file:${path.join(dataDir, "e2e.db")}`;
  if (getDatabaseProvider(value) !== "postgresql") {
    throw new Error(`E2E_DATABASE_URL must be a postgres:// server URL, or unset for SQLite; got "${value}"`);
  }
  const url = new URL(value);
  url.pathname = `/attest_e2e_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  return url.toString();
}
