// Deletes a schedule and its record of runs; the reports it queued stay. Audited.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { findOrgSchedule } from "@/lib/compliance/schedules/find-org-schedule";
import { notFound } from "@/lib/errors/not-found";

export async function deleteReportSchedule(ctx: ComplianceContext, scheduleId: string): Promise<void> {
  const { identity } = ctx;
  const db = databaseOf(ctx);
  const schedule = await findOrgSchedule(db, identity.orgId, scheduleId);
  await db.$transaction(async (tx) => {
    // Runs first: SQLite cascades only with foreign keys switched on.
    await tx.reportScheduleRun.deleteMany({ where: { scheduleId: schedule.id } });
    const { count } = await tx.reportSchedule.deleteMany({ where: { id: schedule.id, orgId: identity.orgId } });
    if (count === 0) throw notFound("Schedule");
    await recordAuditEvent(
      {
        orgId: identity.orgId,
        ...describeActor(identity),
        ip: ctx.ip ?? null,
        action: "compliance.schedule_deleted",
        category: "compliance",
        targetType: "report_schedule",
        targetId: schedule.id,
        metadata: { type: schedule.type, cadence: schedule.cadence },
      },
      tx,
    );
  }, chainTransactionOptions);
}
