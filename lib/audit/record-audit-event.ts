// Writes one event to the org's audit trail. Admin actions, sign-ins, API key
// changes and report exports all pass through here, so reports can cite them.
import type { Database } from "@/lib/db";
import { db as defaultDb } from "@/lib/db";

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
  actorType: "user" | "agent" | "api_key" | "system";
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

/** A Prisma client or an interactive-transaction client. */
type Writer = Pick<Database, "auditEvent">;

export async function recordAuditEvent(event: AuditEventInput, writer: Writer = defaultDb): Promise<void> {
  await writer.auditEvent.create({
    data: {
      orgId: event.orgId,
      occurredAt: event.occurredAt ?? new Date(),
      actorType: event.actorType,
      actorId: event.actorId ?? null,
      actorLabel: event.actorLabel ?? null,
      action: event.action,
      category: event.category,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      agentId: event.agentId ?? null,
      outcome: event.outcome ?? "success",
      ip: event.ip ?? null,
      metadata: (event.metadata ?? undefined) as never,
    },
    select: { id: true },
  });
}
