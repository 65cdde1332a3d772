"use client";
// PATCH /schedules/:id (admins): pause or resume; then refresh the list and records.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { scheduleQueryKeys, scheduleUrl, type ScheduleResource } from "@/components/schedules/schedule-api";

export function useUpdateSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: ScheduleResource["status"] }) =>
      fetchJson<ScheduleResource>(scheduleUrl(id), { method: "PATCH", json: { status } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleQueryKeys.all }),
  });
}
