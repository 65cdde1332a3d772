// Which audit events a table reads, defined once as a condition that renders
// both its SQL (pages, counts, aggregates) and its words (the manifest), so the
// manifest, the aggregates and the rows cover exactly the same events.
import type { ReportSqlDialect } from "@/lib/compliance/profiles/report-engine-profile";
import {
  allOf,
  anyOf,
  columnEquals,
  columnIn,
  columnStartsWith,
  quoteColumn,
  type SqlCondition,
} from "@/lib/db/sql-condition";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { AgentFilter } from "./build-agent-filter";
import type { TimeRange } from "./population-source";

export type AuditEventSelection = {
  orgId: string;
  categories: readonly string[];
  /** Also events whose action starts with this (exactly), whatever their category. */
  actionPrefix?: string;
  agentFilter: AgentFilter;
};

/** Which kinds of event: the categories, or also actions starting with the prefix. */
export function auditEventKinds(selection: AuditEventSelection): SqlCondition {
  const categories = columnIn("category", selection.categories, { oneAsEquals: true });
  return selection.actionPrefix ? anyOf(categories, columnStartsWith("action", selection.actionPrefix)) : categories;
}

/** The whole selection as one condition over "AuditEvent", without time: org, kinds, agents. */
export function auditEventSelectionCondition(selection: AuditEventSelection): SqlCondition {
  return allOf(columnEquals("orgId", selection.orgId), auditEventKinds(selection), selection.agentFilter.nullable);
}

/** `"<column>" >= from AND "<column>" < to` with timestamps bound as the dialect stores them. */
export function sqlTimeRange(column: string, range: TimeRange, dialect: ReportSqlDialect): Prisma.Sql {
  const name = quoteColumn(column);
  const lower = range.gte ? Prisma.sql`${name} >= ${dialect.timestamp(range.gte)} AND ` : Prisma.empty;
  return Prisma.sql`${lower}${name} < ${dialect.timestamp(range.lt)}`;
}
