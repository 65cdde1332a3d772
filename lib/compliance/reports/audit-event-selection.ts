// Which audit events a table reads, defined once and rendered three ways: a
// Prisma `where` (counts, edges, groupBy), raw SQL (keyset pages, daily and
// JSON aggregates) and words (the manifest). One definition keeps the
// manifest, the aggregates and the rows on exactly the same events.
import type { ReportSqlDialect } from "@/lib/compliance/profiles/report-engine-profile";
import { quoteColumn } from "@/lib/db/sql-condition";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { AgentFilter } from "./build-agent-filter";
import type { TimeRange } from "./population-source";

export type AuditEventSelection = {
  orgId: string;
  categories: readonly string[];
  /** Also events whose action starts with this, whatever their category (Prisma `startsWith`, SQL LIKE). */
  actionPrefix?: string;
  agentFilter: AgentFilter;
};

/** The selection as a Prisma `where`, without time. */
export function auditEventSelectionWhere(selection: AuditEventSelection): Prisma.AuditEventWhereInput {
  const category: Prisma.AuditEventWhereInput = { category: { in: [...selection.categories] } };
  return {
    AND: [
      { orgId: selection.orgId },
      selection.actionPrefix ? { OR: [category, { action: { startsWith: selection.actionPrefix } }] } : category,
      selection.agentFilter.nullable,
    ],
  };
}

/**
 * The selection as SQL over "AuditEvent", without time. The prefix is matched
 * like Prisma's startsWith (`LIKE (? || '%')`, no escaping), so both agree.
 */
export function auditEventSelectionSql(selection: AuditEventSelection): Prisma.Sql {
  const categories = Prisma.sql`"category" IN (${Prisma.join([...selection.categories])})`;
  const category = selection.actionPrefix
    ? Prisma.sql`(${categories} OR "action" LIKE (${selection.actionPrefix} || '%'))`
    : categories;
  return Prisma.sql`"orgId" = ${selection.orgId} AND ${category} AND ${selection.agentFilter.nullableSql}`;
}

/** The selection in words, for a manifest filter (org, time and agents are described by the caller). */
export function describeAuditEventSelection(selection: AuditEventSelection): string {
  const categories =
    selection.categories.length === 1
      ? `category = ${selection.categories[0]}`
      : `category in (${selection.categories.join(", ")})`;
  return selection.actionPrefix ? `(${categories} or action starts with "${selection.actionPrefix}")` : categories;
}

/** `"<column>" >= from AND "<column>" < to` with timestamps bound as the dialect stores them. */
export function sqlTimeRange(column: string, range: TimeRange, dialect: ReportSqlDialect): Prisma.Sql {
  const name = quoteColumn(column);
  const lower = range.gte ? Prisma.sql`${name} >= ${dialect.timestamp(range.gte)} AND ` : Prisma.empty;
  return Prisma.sql`${lower}${name} < ${dialect.timestamp(range.lt)}`;
}
