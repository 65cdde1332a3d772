// Who is asking, from where, and (in tests and workers) which database: the
// first argument of every request-side compliance function.
import type { Identity } from "@/lib/auth/identity";
import { db as defaultDb, type Database } from "@/lib/db";

export type ComplianceContext = { identity: Identity; ip?: string | null; db?: Database };

export function databaseOf(ctx: ComplianceContext): Database {
  return ctx.db ?? defaultDb;
}
