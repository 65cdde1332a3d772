"use client";
// POST /schedules (admins), then refresh the list.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { scheduleQueryKeys, schedulesUrl, type ScheduleResource } from "@/components/schedules/schedule-api";

export type CreateScheduleInput = Pick<ScheduleResource, "type" | "cadence" | "agentIds">;

export function useCreateSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateScheduleInput) =>
      fetchJson<ScheduleResource>(schedulesUrl, { method: "POST", json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleQueryKeys.all }),
  });
}
