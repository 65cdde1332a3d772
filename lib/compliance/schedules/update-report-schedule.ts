// Pauses or resumes a schedule, or changes the agents of its future runs;
// audited with what changed. Resuming starts a new active stretch: periods
// that closed while it was paused stay gaps in the record (not caught up).
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { assertOrgAgents } from "@/lib/compliance/schedules/assert-org-agents";
import { findOrgSchedule } from "@/lib/compliance/schedules/find-org-schedule";
import type { ScheduleResponse, UpdateScheduleBody } from "@/lib/compliance/schedules/schedule-schemas";
import { scheduleAgentIds, scheduleSelect, toScheduleResponse } from "@/lib/compliance/schedules/to-schedule-response";
import { notFound } from "@/lib/errors/not-found";

export async function updateReportSchedule(
  ctx: ComplianceContext,
  scheduleId: string,
  body: UpdateScheduleBody,
  { now = new Date() }: { now?: Date } = {},
): Promise<ScheduleResponse> {
  const { identity } = ctx;
  const db = databaseOf(ctx);
  const current = await findOrgSchedule(db, identity.orgId, scheduleId);
  if (body.agentIds) await assertOrgAgents(db, identity.orgId, body.agentIds);
  const isResuming = body.status === "active" && current.status === "paused";
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (body.status !== undefined && body.status !== current.status) {
    before.status = current.status;
    after.status = body.status;
  }
  const currentAgents = scheduleAgentIds(current);
  if (body.agentIds && JSON.stringify(body.agentIds) !== JSON.stringify(currentAgents)) {
    before.agentIds = currentAgents;
    after.agentIds = body.agentIds;
  }
  if (Object.keys(after).length === 0) return toScheduleResponse(current, now);

  const updated = await db.$transaction(async (tx) => {
    const { count } = await tx.reportSchedule.updateMany({
      where: { id: current.id, orgId: identity.orgId },
      data: {
        ...(body.status !== undefined ? { status: body.status } : {}),
        ...(body.agentIds ? { agentIds: body.agentIds } : {}),
        ...(isResuming ? { activeSince: now } : {}),
      },
    });
    if (count === 0) throw notFound("Schedule");
    await recordAuditEvent(
      {
        orgId: identity.orgId,
        ...describeActor(identity),
        ip: ctx.ip ?? null,
        action:
          after.status === "paused"
            ? "compliance.schedule_paused"
            : after.status === "active"
              ? "compliance.schedule_resumed"
              : "compliance.schedule_updated",
        category: "compliance",
        targetType: "report_schedule",
        targetId: current.id,
        metadata: { before, after },
      },
      tx,
    );
    return tx.reportSchedule.findUniqueOrThrow({ where: { id: current.id }, select: scheduleSelect });
  }, chainTransactionOptions);
  return toScheduleResponse(updated, now);
}
