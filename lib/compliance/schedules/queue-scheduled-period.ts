// Queues the report of one closed period of a schedule, once: the run row's
// unique (schedule, period start) is written in the same transaction as the
// report and its audit event, so of any number of processes ticking at once
// exactly one commits; the others' transactions fail on the key and roll back
// whole (no report, no event), and they answer "already queued".
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { reportTypeDefinition, type ReportType } from "@/lib/compliance/reports/registry";
import { scheduledRunBody } from "@/lib/compliance/schedules/schedulable-report-types";
import type { SchedulePeriod } from "@/lib/compliance/schedules/schedule-periods";
import { scheduleAgentIds, type ScheduleRow } from "@/lib/compliance/schedules/to-schedule-response";
import type { Database } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";

export type QueuedPeriod = { scheduleId: string; periodStart: string; reportId: string };

export async function queueScheduledPeriod(
  db: Database,
  schedule: ScheduleRow,
  period: SchedulePeriod,
  now: Date,
): Promise<QueuedPeriod | null> {
  const definition = reportTypeDefinition(schedule.type as ReportType);
  const agentIds = scheduleAgentIds(schedule);
  // Through the type's own request schema, as a POST would be: the scope is what a person could have asked for.
  const body = definition.bodySchema.parse(scheduledRunBody(definition, period, agentIds));
  const scope = definition.toScope(body);
  const agents = agentIds.length
    ? await db.agent.findMany({
        where: { orgId: schedule.orgId, id: { in: agentIds } },
        select: { id: true, name: true },
      })
    : [];
  const names = new Map(agents.map((agent) => [agent.id, agent.name]));
  const title = definition.title(
    scope,
    agentIds.map((id) => names.get(id) ?? id),
  );
  const actor = {
    actorType: "system" as const,
    actorId: schedule.id,
    actorLabel: `Schedule ${schedule.id} (${schedule.cadence} ${definition.label})`,
  };
  try {
    return await db.$transaction(async (tx) => {
      const report = await tx.report.create({
        data: {
          orgId: schedule.orgId,
          type: definition.type,
          title,
          status: "pending",
          scope,
          periodFrom: scope.dateRange?.from ?? null,
          periodTo: scope.dateRange?.to ?? null,
          createdByType: "schedule",
          createdById: schedule.id,
          createdByLabel: actor.actorLabel,
          createdAt: now,
        },
        select: { id: true },
      });
      await tx.reportScheduleRun.create({
        data: {
          scheduleId: schedule.id,
          orgId: schedule.orgId,
          periodStart: period.from,
          periodEnd: period.to,
          reportId: report.id,
          queuedAt: now,
        },
        select: { id: true },
      });
      await recordAuditEvent(
        {
          orgId: schedule.orgId,
          ...actor,
          action: "compliance.scheduled_report_queued",
          category: "compliance",
          targetType: "report",
          targetId: report.id,
          agentId: agentIds.length === 1 ? agentIds[0] : null,
          metadata: {
            scheduleId: schedule.id,
            cadence: schedule.cadence,
            type: definition.type,
            title,
            period: { from: period.from, to: period.to },
            scope,
          },
        },
        tx,
      );
      return { scheduleId: schedule.id, periodStart: period.from, reportId: report.id };
    }, chainTransactionOptions);
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
