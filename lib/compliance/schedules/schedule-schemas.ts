// Request and response shapes of /api/engine/compliance/schedules.
import { z } from "zod";
import { agentIdsField, orgIdField } from "@/lib/compliance/reports/report-body-fields";
import { schedulableReportTypes } from "@/lib/compliance/schedules/schedulable-report-types";
import { scheduleCadences } from "@/lib/compliance/schedules/schedule-periods";
import { reportStatuses } from "@/lib/compliance/requests/schemas";

export const scheduleStatuses = ["active", "paused"] as const;
export type ScheduleStatus = (typeof scheduleStatuses)[number];

export const createScheduleBodySchema = z.strictObject({
  orgId: orgIdField,
  type: z.enum(schedulableReportTypes, {
    message: `type must be one of ${schedulableReportTypes.join(", ")} (report types with a period)`,
  }),
  cadence: z.enum(scheduleCadences, { message: `cadence must be one of ${scheduleCadences.join(", ")}` }),
  agentIds: agentIdsField.optional().meta({ description: "Limit every run to these agents; none: every agent" }),
});
export type CreateScheduleBody = z.output<typeof createScheduleBodySchema>;

/** Pause or resume, or change the agents of future runs. Type and cadence are fixed: the record is per cadence. */
export const updateScheduleBodySchema = z
  .strictObject({
    status: z.enum(scheduleStatuses, { message: "status must be active or paused" }).optional(),
    agentIds: agentIdsField.optional(),
  })
  .refine((body) => body.status !== undefined || body.agentIds !== undefined, {
    message: "Send status, agentIds or both",
    path: ["status"],
  });
export type UpdateScheduleBody = z.output<typeof updateScheduleBodySchema>;

const isoTimestamp = z.iso.datetime().meta({ description: "ISO-8601, UTC" });
const day = z.string().meta({ description: "YYYY-MM-DD (UTC)" });

export const scheduleResponseSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    type: z.enum(schedulableReportTypes),
    cadence: z.enum(scheduleCadences),
    agentIds: z.array(z.string()),
    status: z.enum(scheduleStatuses),
    firstPeriodStart: day.meta({ description: "First day of the first period the schedule covers" }),
    activeSince: isoTimestamp.meta({
      description: "Periods that closed before this (creation or the last resume) are not queued",
    }),
    createdAt: isoTimestamp,
    createdBy: z.object({ type: z.enum(["user", "api_key"]), id: z.string().nullable(), label: z.string() }),
    nextRunAt: isoTimestamp.nullable().meta({ description: "When the current period closes; null while paused" }),
  })
  .meta({ id: "ReportSchedule" });
export type ScheduleResponse = z.output<typeof scheduleResponseSchema>;

export const scheduleListSchema = z.object({ schedules: z.array(scheduleResponseSchema) }).meta({
  id: "ReportScheduleList",
});

export const schedulePeriodStates = [
  "covered",
  "pending",
  "failed",
  "purged",
  "deleted",
  "missing",
  "due",
  "open",
] as const;
export type SchedulePeriodState = (typeof schedulePeriodStates)[number];

export const scheduleRecordSchema = z
  .object({
    schedule: scheduleResponseSchema,
    periods: z.array(
      z.object({
        from: day,
        to: day,
        closesAt: isoTimestamp,
        state: z.enum(schedulePeriodStates).meta({
          description:
            "covered: its report completed; pending: queued, not finished; failed: its report failed or was cancelled; purged: completed, files purged after retention (tombstone kept); deleted: its report was deleted; missing: never queued (paused, or beyond catch-up); due: closed, queued on the next tick; open: not closed yet",
        }),
        report: z
          .object({ id: z.string(), status: z.enum(reportStatuses), title: z.string() })
          .nullable()
          .meta({ description: "The period's report, while it exists" }),
      }),
    ),
    gaps: z.number().int().meta({ description: "Closed periods failed, deleted or missing" }),
  })
  .meta({ id: "ReportScheduleRecord" });
export type ScheduleRecord = z.output<typeof scheduleRecordSchema>;
