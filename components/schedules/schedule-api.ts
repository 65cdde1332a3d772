// The schedule resources as the API returns them (types only), their URLs and React Query keys.
import type { ScheduleRecord, ScheduleResponse } from "@/lib/compliance/schedules/schedule-schemas";

export type ScheduleResource = ScheduleResponse;
export type ScheduleRecordResource = ScheduleRecord;

export const schedulesUrl = "/api/engine/compliance/schedules";

export function scheduleUrl(id: string): string {
  return `${schedulesUrl}/${encodeURIComponent(id)}`;
}

export const scheduleQueryKeys = {
  all: ["compliance", "schedules"] as const,
  list: ["compliance", "schedules", "list"] as const,
  record: (id: string) => ["compliance", "schedules", "record", id] as const,
};

/** A schedulable type as the page passes it down: its id and its label. */
export type ScheduleTypeOption = { type: ScheduleResource["type"]; label: string };

export const cadenceLabels: Record<ScheduleResource["cadence"], string> = {
  weekly: "Weekly (ISO weeks, Monday to Sunday)",
  monthly: "Monthly",
  quarterly: "Quarterly",
};
