// What differs between the databases in the report engine, decided once per
// provider. The hot path asks its profile instead of testing the provider.
// A profile holds decisions and dialect SQL, never the code that acts on them,
// so every layer may import it without an import running upward.
import type { DatabaseProvider } from "@/lib/db/database-url";
import type { Prisma } from "@/lib/generated/sqlite/client";

export type ReportEngineProfile = {
  readonly provider: DatabaseProvider;
  /** How a whole population or stored artifact is read: one COPY stream, or pages of queries. */
  readonly bulkReads: "copy" | "pages";
  /** Which chunk store writes an artifact (artifacts/create-chunk-store.ts). */
  readonly chunkStore: "copy" | "insert";
  /** Whether a report worker's Prisma queries run on a query thread of their own. */
  readonly hasQueryThread: boolean;
  /**
   * How several groupings of one population are counted: one scan with
   * GROUP BY GROUPING SETS, or one query each (count-population-group-sets.ts).
   */
  readonly groupCounts: "grouping-sets" | "query-each";
  /**
   * How long an on-demand set of report threads stays after its last report,
   * warm for the next one (REPORT_WORKER_LINGER_SECONDS overrides it).
   */
  readonly lingerSeconds: number;
  readonly dialect: ReportSqlDialect;
};

export type ClaimStatement = { workerId: string; now: Date; leaseExpiresAt: Date; reportId?: string };

/** The SQL the engine writes differently per database. */
export type ReportSqlDialect = {
  /** A timestamp bound in the form the database stores and compares. */
  timestamp(date: Date): Prisma.Sql;
  /** A JSON column's top-level field as text. */
  jsonFieldText(column: Prisma.Sql, field: string): Prisma.Sql;
  /** A timestamp column's UTC day, in the form that is cheapest to group on. */
  utcDayKey(column: Prisma.Sql): Prisma.Sql;
  /** A utcDayKey value as YYYY-MM-DD text. */
  utcDayText(key: Prisma.Sql): Prisma.Sql;
  /** The claim of the oldest claimable report, returning its "id" and "attempts". */
  claimReport(claim: ClaimStatement): Prisma.Sql;
  /** Whether the claim must run inside a transaction (for its row lock). */
  claimInTransaction: boolean;
  /**
   * Serialises appends to an org's chain of report statements within a
   * transaction; null where the database has a single writer already.
   */
  lockOrganization(orgId: string): Prisma.Sql | null;
};

/** A JSON field name is written into the SQL text (code, never a value), so it must look like one. */
export function jsonFieldName(field: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`Not a JSON field name: ${field}`);
  return field;
}
