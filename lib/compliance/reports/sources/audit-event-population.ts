import type { Database } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { auditEventSelectionCondition, type AuditEventSelection } from "../audit-event-selection";
import type { PopulationSource, TimeRange } from "../population-source";
import { createSqlPopulation, toIsoTimestamp, toJson, toNullableString, type IsoTimestamp } from "../sql-population";

export type AuditEventRecord = {
  id: string;
  occurredAt: IsoTimestamp;
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
  /** Place in the org's hash chain. */
  seq: number;
  /** Who wrote it: attest | ingest. */
  source: string;
  sourceApiKeyId: string | null;
  sourceUserId: string | null;
};

/** Audit events of one selection: the largest populations (a million rows a year for a busy org). */
export function createAuditEventPopulation(
  db: Database,
  spec: { source: string; filter: string; selection: AuditEventSelection; range: TimeRange },
): PopulationSource<AuditEventRecord> {
  return createSqlPopulation(db, {
    source: spec.source,
    filter: spec.filter,
    table: "AuditEvent",
    timeColumn: "occurredAt",
    columns: auditEventSelectList,
    where: auditEventSelectionCondition(spec.selection).sql,
    range: spec.range,
    toRecord: toAuditEventRecord,
    keyOf: (row) => ({ at: new Date(row.occurredAt), id: row.id }),
  });
}

/** The columns an audit event population reads, in `toAuditEventRecord`'s order. */
export const auditEventSelectList = Prisma.sql`"id", "occurredAt", "actorType", "actorId", "actorLabel", "action",
  "category", "targetType", "targetId", "agentId", "outcome", "ip", "metadata", "seq", "source", "sourceApiKeyId",
  "sourceUserId"`;

/** A row of `auditEventSelectList` values as the record the builders read. */
export function toAuditEventRecord([
  id,
  occurredAt,
  actorType,
  actorId,
  actorLabel,
  action,
  category,
  targetType,
  targetId,
  agentId,
  outcome,
  ip,
  metadata,
  seq,
  source,
  sourceApiKeyId,
  sourceUserId,
]: unknown[]): AuditEventRecord {
  return {
    id: String(id),
    occurredAt: toIsoTimestamp(occurredAt),
    actorType: String(actorType),
    actorId: toNullableString(actorId),
    actorLabel: toNullableString(actorLabel),
    action: String(action),
    category: String(category),
    targetType: toNullableString(targetType),
    targetId: toNullableString(targetId),
    agentId: toNullableString(agentId),
    outcome: String(outcome),
    ip: toNullableString(ip),
    metadata: toJson(metadata),
    seq: Number(seq),
    source: String(source),
    sourceApiKeyId: toNullableString(sourceApiKeyId),
    sourceUserId: toNullableString(sourceUserId),
  };
}
