import type { Database } from "@/lib/db";
import { getDatabaseProvider, type DatabaseProvider } from "@/lib/db/database-url";
import { Prisma } from "@/lib/generated/sqlite/client";
import {
  auditEventSelectionSql,
  auditEventSelectionWhere,
  sqlTime,
  sqlTimeRange,
  type AuditEventSelection,
} from "../audit-event-selection";
import { keysetOrder, pageTimeRange, toKeyset, type PopulationSource, type TimeRange } from "../population-source";

export type AuditEventRecord = {
  id: string;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  category: string;
  targetType: string | null;
  targetId: string | null;
  agentId: string | null;
  outcome: string;
  ip: string | null;
  metadata: unknown;
};

/**
 * Audit events are the largest populations (a million rows a year for a busy
 * org), so their pages are read with raw SQL: Prisma's findMany cost ~3× more
 * per row here. Count and edges stay Prisma queries over the same selection,
 * and writePopulationTable fails the report if pages and count ever disagree.
 */
export function createAuditEventPopulation(
  db: Database,
  spec: { source: string; filter: string; selection: AuditEventSelection; range: TimeRange },
  provider: DatabaseProvider = getDatabaseProvider(),
): PopulationSource<AuditEventRecord> {
  const where: Prisma.AuditEventWhereInput = {
    AND: [auditEventSelectionWhere(spec.selection), { occurredAt: spec.range }],
  };
  const selectionSql = auditEventSelectionSql(spec.selection);
  return {
    source: spec.source,
    filter: spec.filter,
    count: () => db.auditEvent.count({ where }),
    edge: async (direction) =>
      toKeyset(
        "occurredAt",
        await db.auditEvent.findFirst({
          where,
          orderBy: keysetOrder("occurredAt", direction),
          select: { id: true, occurredAt: true },
        }),
      ),
    page: async (after, take) => {
      const afterCursor = after
        ? Prisma.sql`AND ("occurredAt" > ${sqlTime(after.at, provider)} OR ("occurredAt" = ${sqlTime(after.at, provider)} AND "id" > ${after.id}))`
        : Prisma.empty;
      const rows = await db.$queryRaw<AuditEventRecord[]>`
        SELECT "id", "occurredAt", "actorType", "actorId", "actorLabel", "action", "category",
               "targetType", "targetId", "agentId", "outcome", "ip", "metadata"
          FROM "AuditEvent"
         WHERE ${selectionSql}
           AND ${sqlTimeRange("occurredAt", pageTimeRange(spec.range, after), provider)}
           ${afterCursor}
         ORDER BY "occurredAt", "id"
         LIMIT ${take}`;
      return rows.map(normalizeRow);
    },
    keyOf: (row) => ({ at: row.occurredAt, id: row.id }),
  };
}

/** Drivers differ in what raw SQL returns for DateTime and Json columns; make them what findMany returns. */
function normalizeRow(row: AuditEventRecord): AuditEventRecord {
  const occurredAt = row.occurredAt instanceof Date ? row.occurredAt : new Date(String(row.occurredAt));
  const metadata =
    typeof row.metadata === "string" && /^[[{]/.test(row.metadata)
      ? (JSON.parse(row.metadata) as unknown)
      : row.metadata;
  return occurredAt === row.occurredAt && metadata === row.metadata ? row : { ...row, occurredAt, metadata };
}
