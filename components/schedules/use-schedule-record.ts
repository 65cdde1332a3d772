"use client";
// GET /schedules/:id/record: every period since the schedule began, and its gaps.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { scheduleQueryKeys, scheduleUrl, type ScheduleRecordResource } from "@/components/schedules/schedule-api";

export function useScheduleRecord(id: string) {
  return useQuery({
    queryKey: scheduleQueryKeys.record(id),
    queryFn: ({ signal }) => fetchJson<ScheduleRecordResource>(`${scheduleUrl(id)}/record`, { signal }),
    // Follow queued reports until they finish.
    refetchInterval: (query) => (query.state.data?.periods.some((period) => period.state === "pending") ? 5000 : false),
  });
}
