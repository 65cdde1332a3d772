// Creates a report schedule, audited in the same transaction. Its record
// starts with the period holding the moment of creation: that period's
// report is the first one queued, when it closes.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { assertCallerOrg } from "@/lib/compliance/requests/prepare-report-request";
import { assertOrgAgents } from "@/lib/compliance/schedules/assert-org-agents";
import { periodContaining } from "@/lib/compliance/schedules/schedule-periods";
import type { CreateScheduleBody, ScheduleResponse } from "@/lib/compliance/schedules/schedule-schemas";
import { scheduleSelect, toScheduleResponse } from "@/lib/compliance/schedules/to-schedule-response";

export async function createReportSchedule(
  ctx: ComplianceContext,
  body: CreateScheduleBody,
  { now = new Date() }: { now?: Date } = {},
): Promise<ScheduleResponse> {
  const { identity } = ctx;
  assertCallerOrg(identity, body.orgId);
  const db = databaseOf(ctx);
  const agentIds = body.agentIds ?? [];
  await assertOrgAgents(db, identity.orgId, agentIds);
  const actor = describeActor(identity);
  const schedule = await db.$transaction(async (tx) => {
    const created = await tx.reportSchedule.create({
      data: {
        orgId: identity.orgId,
        type: body.type,
        cadence: body.cadence,
        agentIds,
        status: "active",
        firstPeriodStart: periodContaining(body.cadence, now).from,
        activeSince: now,
        createdByType: actor.actorType,
        createdById: actor.actorId,
        createdByLabel: actor.actorLabel,
        createdAt: now,
      },
      select: scheduleSelect,
    });
    await recordAuditEvent(
      {
        orgId: identity.orgId,
        ...actor,
        ip: ctx.ip ?? null,
        action: "compliance.schedule_created",
        category: "compliance",
        targetType: "report_schedule",
        targetId: created.id,
        metadata: { type: body.type, cadence: body.cadence, agentIds },
      },
      tx,
    );
    return created;
  }, chainTransactionOptions);
  return toScheduleResponse(schedule, now);
}
