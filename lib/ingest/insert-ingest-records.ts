// Writes a batch's new records with one createMany per request (Prisma splits
// it into multi-row INSERTs within the database's parameter limit). Timestamps
// go through Prisma, so SQLite gets the same text representation every other
// writer uses (see lib/demo/open-bulk-writer.ts).
import type { IngestTransaction } from "@/lib/ingest/ingest-transaction";
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";
import type { IngestRecord, IngestRecordOf } from "@/lib/ingest/schemas";
import type { VerifiedReferences } from "@/lib/ingest/verify-record-references";

export type NewRecord = { id: string; record: IngestRecord };

export async function insertIngestRecords(
  tx: IngestTransaction,
  orgId: string,
  kind: IngestKind,
  rows: readonly NewRecord[],
  references: VerifiedReferences,
): Promise<number> {
  if (rows.length === 0) return 0;
  // The schema of `kind` produced these records; TypeScript cannot tie the two together.
  const as = <K extends IngestKind>() => rows as readonly { id: string; record: IngestRecordOf<K> }[];

  switch (kind) {
    case "audit-events": {
      const data = as<"audit-events">().map(({ id, record: r }) => ({
        id,
        orgId,
        occurredAt: r.occurredAt,
        actorType: r.actorType,
        actorId: r.actorId ?? null,
        actorLabel: r.actorLabel ?? null,
        action: r.action,
        category: r.category,
        targetType: r.targetType ?? null,
        targetId: r.targetId ?? null,
        agentId: r.agentId ?? null,
        outcome: r.outcome,
        ip: r.ip ?? null,
        // Left out → SQL NULL (Prisma's JSON null would be the JSON literal `null`).
        metadata: (r.metadata ?? undefined) as never,
      }));
      return (await tx.auditEvent.createMany({ data })).count;
    }
    case "emails": {
      const data = as<"emails">().map(({ id, record: r }) => ({
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
      return (await tx.email.createMany({ data })).count;
    }
    case "dlp-violations": {
      const data = as<"dlp-violations">().map(({ id, record: r }) => ({
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
      return (await tx.dlpViolation.createMany({ data })).count;
    }
    case "vault-accesses": {
      const data = as<"vault-accesses">().map(({ id, record: r }) => ({
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
      return (await tx.vaultAccess.createMany({ data })).count;
    }
    case "query-logs": {
      const data = as<"query-logs">().map(({ id, record: r }) => ({
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
      return (await tx.queryLog.createMany({ data })).count;
    }
    case "data-sharing-records": {
      const data = as<"data-sharing-records">().map(({ id, record: r }) => ({
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
      return (await tx.dataSharingRecord.createMany({ data })).count;
    }
  }
}
