// Who is asking, from where, and (in tests and workers) which database: the
// first argument of every request-side compliance function.
import type { Identity, Reader } from "@/lib/auth/identity";
import { db as defaultDb, type Database } from "@/lib/db";

export type ComplianceContext = { identity: Identity; ip?: string | null; db?: Database };

/** Reading a report's stored files: the context of a download, which a share link may hold too. */
export type ReportReadContext = { identity: Reader; ip?: string | null; db?: Database };

export function databaseOf(ctx: { db?: Database }): Database {
  return ctx.db ?? defaultDb;
}
