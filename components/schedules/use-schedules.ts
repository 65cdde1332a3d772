"use client";
// GET /schedules: the org's report schedules.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { scheduleQueryKeys, schedulesUrl, type ScheduleResource } from "@/components/schedules/schedule-api";

export function useSchedules() {
  return useQuery({
    queryKey: scheduleQueryKeys.list,
    queryFn: ({ signal }) => fetchJson<{ schedules: ScheduleResource[] }>(schedulesUrl, { signal }),
    select: (data) => data.schedules,
  });
}
