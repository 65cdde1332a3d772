"use client";
// DELETE /schedules/:id (admins), then refresh the list.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { scheduleQueryKeys, scheduleUrl } from "@/components/schedules/schedule-api";

export function useDeleteSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson<void>(scheduleUrl(id), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleQueryKeys.all }),
  });
}
