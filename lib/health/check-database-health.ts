// The database half of GET /api/health: a trivial query, bounded in time, so a
// load balancer learns quickly that this instance cannot reach its database.
import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { databaseProvider, db, type Database } from "@/lib/db";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { logger } from "@/lib/log/logger";

export interface DatabaseHealth {
  status: "ok";
  database: DatabaseProvider;
}

const DEFAULT_TIMEOUT_MS = 3_000;

/**
 * Resolves when `SELECT 1` succeeds; otherwise throws AppError("database_unavailable") (503).
 * Takes the client as a parameter so tests can aim it at a database that is down.
 */
export async function checkDatabaseHealth(
  client: Pick<Database, "$queryRaw"> = db,
  provider: DatabaseProvider = databaseProvider,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // A black-holed host would otherwise hang the probe for the driver's full connect timeout.
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([client.$queryRaw`SELECT 1`, timeout]);
  } catch (error) {
    logger.warn({ err: error, database: provider }, "database health check failed");
    throw new AppError("database_unavailable", "The database is unavailable; try again shortly");
  } finally {
    clearTimeout(timer);
  }
  return { status: "ok", database: provider };
}
