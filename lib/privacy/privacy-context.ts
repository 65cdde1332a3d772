// The first argument of every privacy function: who is asking (tenancy comes
// from here), from where, which database, and which clock deadlines read.
import type { Identity } from "@/lib/auth/identity";
import { db as defaultDb, type Database } from "@/lib/db";
import { systemClock, type Clock } from "./clock";

export type PrivacyContext = { identity: Identity; ip?: string | null; db?: Database; clock?: Clock };

export function privacyDatabaseOf(ctx: { db?: Database }): Database {
  return ctx.db ?? defaultDb;
}

export function clockOf(ctx: { clock?: Clock }): Clock {
  return ctx.clock ?? systemClock;
}
