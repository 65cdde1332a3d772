// Appends one event to the org's hash-chained audit trail. Admin actions,
// sign-ins, API key changes and report exports all pass through here, so
// reports can cite them and the chain vouches for them.
import { randomUUID } from "node:crypto";
import type { AuditEventSource } from "@/lib/audit-chain/chained-audit-event";
import { toUnlinkedAuditEvent } from "@/lib/audit-chain/to-unlinked-audit-event";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import type { Database } from "@/lib/db";
import { db as defaultDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";

export const auditCategories = [
  "authentication",
  "user_admin",
  "agent_config",
  "agent_enforcement",
  "secrets",
  "dlp",
  "system_config",
  "compliance",
] as const;
export type AuditCategory = (typeof auditCategories)[number];

export type AuditOutcome = "success" | "failure" | "denied";

export type AuditEventInput = {
  orgId: string;
  actorType: "user" | "agent" | "api_key" | "system" | "share_link";
  actorId?: string | null;
  actorLabel?: string | null;
  action: string;
  category: AuditCategory;
  targetType?: string | null;
  targetId?: string | null;
  agentId?: string | null;
  outcome?: AuditOutcome;
  ip?: string | null;
  metadata?: Record<string, unknown> | null;
  occurredAt?: Date;
};

/** A Prisma client (the event gets a transaction of its own) or the caller's transaction. */
type Writer = Database | Prisma.TransactionClient;

export async function recordAuditEvent(event: AuditEventInput, writer: Writer = defaultDb): Promise<void> {
  // A transaction client still answers to $transaction at run time (a nested
  // one that leaves the client broken); only a full client has $connect, as
  // Prisma's TransactionClient type says.
  if ("$connect" in writer) {
    await writer.$transaction((tx) => appendOne(tx, event), chainTransactionOptions);
    return;
  }
  await appendOne(writer, event);
}

async function appendOne(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  const fields = {
    ...event,
    occurredAt: event.occurredAt ?? new Date(),
    outcome: event.outcome ?? "success",
    // As stored and read back (JSON), so the hash covers what the database keeps.
    metadata: event.metadata ? (JSON.parse(JSON.stringify(event.metadata)) as Record<string, unknown>) : null,
  };
  await appendAuditEvents(tx, event.orgId, [toUnlinkedAuditEvent(randomUUID(), fields, attestSource)]);
}

// Everything written through here is Attest's own: ingest has its own append path.
const attestSource: AuditEventSource = { kind: "attest" };
