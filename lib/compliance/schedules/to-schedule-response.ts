// The one public shape of a report schedule (Prisma rows never leave lib/).
import type { ReportType } from "@/lib/compliance/reports/registry";
import { periodContaining, type ScheduleCadence } from "@/lib/compliance/schedules/schedule-periods";
import type { ScheduleResponse, ScheduleStatus } from "@/lib/compliance/schedules/schedule-schemas";

export const scheduleSelect = {
  id: true,
  orgId: true,
  type: true,
  cadence: true,
  agentIds: true,
  status: true,
  firstPeriodStart: true,
  activeSince: true,
  createdAt: true,
  createdByType: true,
  createdById: true,
  createdByLabel: true,
} as const;

export type ScheduleRow = {
  id: string;
  orgId: string;
  type: string;
  cadence: string;
  agentIds: unknown;
  status: string;
  firstPeriodStart: string;
  activeSince: Date;
  createdAt: Date;
  createdByType: string;
  createdById: string | null;
  createdByLabel: string;
};

export function toScheduleResponse(row: ScheduleRow, now: Date = new Date()): ScheduleResponse {
  const cadence = row.cadence as ScheduleCadence;
  return {
    id: row.id,
    orgId: row.orgId,
    type: row.type as ReportType,
    cadence,
    agentIds: scheduleAgentIds(row),
    status: row.status as ScheduleStatus,
    firstPeriodStart: row.firstPeriodStart,
    activeSince: row.activeSince.toISOString(),
    createdAt: row.createdAt.toISOString(),
    createdBy: {
      type: row.createdByType === "api_key" ? "api_key" : "user",
      id: row.createdById,
      label: row.createdByLabel,
    },
    nextRunAt: row.status === "active" ? periodContaining(cadence, now).closesAt.toISOString() : null,
  };
}

export function scheduleAgentIds(row: { agentIds: unknown }): string[] {
  return Array.isArray(row.agentIds) ? row.agentIds.filter((id): id is string => typeof id === "string") : [];
}
