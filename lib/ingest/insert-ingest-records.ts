// Writes a batch's new records through insertRows (insert-rows.ts). Rows are
// typed with Prisma's own create inputs and each table's column list must name
// every model field, so a model change that this file misses fails to compile.
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { AuditEventSource } from "@/lib/audit-chain/chained-audit-event";
import { linkAuditEvents, type ChainHead } from "@/lib/audit-chain/link-audit-event";
import { toUnlinkedAuditEvent } from "@/lib/audit-chain/to-unlinked-audit-event";
import { toAuditEventRow } from "@/lib/audit/to-audit-event-row";
import type { IngestTransaction } from "@/lib/ingest/ingest-transaction";
import { insertRows, type ColumnType, type InsertTarget } from "@/lib/ingest/insert-rows";
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";
import type { IngestRecord, IngestRecordOf } from "@/lib/ingest/schemas";
import type { VerifiedReferences } from "@/lib/ingest/verify-record-references";

export type NewRecord = { id: string; record: IngestRecord };

export type InsertContext = {
  references: VerifiedReferences;
  /** The org's audit chain head, locked by the caller (audit events only). */
  chainHead: ChainHead;
  /** Who sent the batch, recorded as each audit event's provenance. */
  source: AuditEventSource;
  /** Where the rows go: on SQLite the caller's transaction's own connection. */
  target: InsertTarget;
};

export async function insertIngestRecords(
  tx: IngestTransaction,
  orgId: string,
  kind: IngestKind,
  rows: readonly NewRecord[],
  { references, chainHead, source, target }: InsertContext,
): Promise<number> {
  if (rows.length === 0) return 0;
  // The schema of `kind` produced these records; TypeScript cannot tie the two together.
  const as = <K extends IngestKind>() => rows as readonly { id: string; record: IngestRecordOf<K> }[];

  switch (kind) {
    case "audit-events": {
      const unlinked = as<"audit-events">().map(({ id, record }) =>
        toUnlinkedAuditEvent(id, { ...record, orgId }, source),
      );
      const data = linkAuditEvents(chainHead, unlinked).linked.map(toAuditEventRow);
      return insertRows(tx, target, "AuditEvent", auditEventColumns, data);
    }
    case "emails": {
      const data = as<"emails">().map(({ id, record: r }): Prisma.EmailCreateManyInput => ({
        id,
        orgId,
        agentId: r.agentId,
        direction: r.direction,
        messageId: r.messageId ?? null,
        fromAddress: r.fromAddress,
        toAddresses: r.toAddresses,
        ccAddresses: r.ccAddresses,
        subject: r.subject,
        body: r.body,
        sentAt: r.sentAt,
      }));
      return insertRows(tx, target, "Email", emailColumns, data);
    }
    case "dlp-violations": {
      const data = as<"dlp-violations">().map(({ id, record: r }): Prisma.DlpViolationCreateManyInput => ({
        id,
        orgId,
        ruleId: r.ruleId,
        agentId: r.agentId,
        emailId: r.emailId ?? null,
        severity: r.severity ?? references.ruleSeverities.get(r.ruleId) ?? "medium",
        actionTaken: r.actionTaken,
        excerpt: r.excerpt,
        detectedAt: r.detectedAt,
      }));
      return insertRows(tx, target, "DlpViolation", dlpViolationColumns, data);
    }
    case "vault-accesses": {
      const data = as<"vault-accesses">().map(({ id, record: r }): Prisma.VaultAccessCreateManyInput => ({
        id,
        orgId,
        secretId: r.secretId,
        action: r.action,
        actorType: r.actorType,
        actorId: r.actorId ?? null,
        actorLabel: r.actorLabel ?? null,
        agentId: r.agentId ?? null,
        outcome: r.outcome,
        occurredAt: r.occurredAt,
      }));
      return insertRows(tx, target, "VaultAccess", vaultAccessColumns, data);
    }
    case "query-logs": {
      const data = as<"query-logs">().map(({ id, record: r }): Prisma.QueryLogCreateManyInput => ({
        id,
        orgId,
        agentId: r.agentId ?? null,
        actorType: r.actorType,
        actorId: r.actorId ?? null,
        actorLabel: r.actorLabel ?? null,
        database: r.database,
        statement: r.statement,
        rowsReturned: r.rowsReturned,
        durationMs: r.durationMs,
        outcome: r.outcome,
        occurredAt: r.occurredAt,
      }));
      return insertRows(tx, target, "QueryLog", queryLogColumns, data);
    }
    case "data-sharing-records": {
      const data = as<"data-sharing-records">().map(({ id, record: r }): Prisma.DataSharingRecordCreateManyInput => ({
        id,
        orgId,
        agentId: r.agentId ?? null,
        recipientName: r.recipientName,
        recipientDomain: r.recipientDomain ?? null,
        recipientCountry: r.recipientCountry ?? null,
        purpose: r.purpose,
        legalBasis: r.legalBasis,
        dataCategories: r.dataCategories,
        transferMechanism: r.transferMechanism ?? null,
        recordCount: r.recordCount,
        sharedAt: r.sharedAt,
      }));
      return insertRows(tx, target, "DataSharingRecord", dataSharingRecordColumns, data);
    }
  }
}

type Columns<Input> = Readonly<Record<keyof Input, ColumnType>>;

const auditEventColumns: Columns<Prisma.AuditEventCreateManyInput> = {
  id: "text",
  orgId: "text",
  occurredAt: "timestamp",
  actorType: "text",
  actorId: "text",
  actorLabel: "text",
  action: "text",
  category: "text",
  targetType: "text",
  targetId: "text",
  agentId: "text",
  outcome: "text",
  ip: "text",
  metadata: "json",
  seq: "integer",
  prevHash: "text",
  hash: "text",
  salt: "text",
  source: "text",
  sourceApiKeyId: "text",
  sourceUserId: "text",
  redactions: "json",
};

const emailColumns: Columns<Prisma.EmailCreateManyInput> = {
  id: "text",
  orgId: "text",
  agentId: "text",
  direction: "text",
  messageId: "text",
  fromAddress: "text",
  toAddresses: "json",
  ccAddresses: "json",
  subject: "text",
  body: "text",
  sentAt: "timestamp",
};

const dlpViolationColumns: Columns<Prisma.DlpViolationCreateManyInput> = {
  id: "text",
  orgId: "text",
  ruleId: "text",
  agentId: "text",
  emailId: "text",
  severity: "text",
  actionTaken: "text",
  excerpt: "text",
  detectedAt: "timestamp",
};

const vaultAccessColumns: Columns<Prisma.VaultAccessCreateManyInput> = {
  id: "text",
  orgId: "text",
  secretId: "text",
  action: "text",
  actorType: "text",
  actorId: "text",
  actorLabel: "text",
  agentId: "text",
  outcome: "text",
  occurredAt: "timestamp",
};

const queryLogColumns: Columns<Prisma.QueryLogCreateManyInput> = {
  id: "text",
  orgId: "text",
  agentId: "text",
  actorType: "text",
  actorId: "text",
  actorLabel: "text",
  database: "text",
  statement: "text",
  rowsReturned: "integer",
  durationMs: "integer",
  outcome: "text",
  occurredAt: "timestamp",
};

const dataSharingRecordColumns: Columns<Prisma.DataSharingRecordCreateManyInput> = {
  id: "text",
  orgId: "text",
  agentId: "text",
  recipientName: "text",
  recipientDomain: "text",
  recipientCountry: "text",
  purpose: "text",
  legalBasis: "text",
  dataCategories: "json",
  transferMechanism: "text",
  recordCount: "integer",
  sharedAt: "timestamp",
};
