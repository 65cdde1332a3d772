"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { Role } from "@/lib/auth/identity";
import { membersQueryKey } from "@/components/users/use-members";

export function useChangeMemberRole(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      fetchJson<unknown>(`/api/users/${encodeURIComponent(userId)}`, { method: "PATCH", json: { role } }),
    // Refetched on failure too: a refused change must show the role as it stands.
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersQueryKey(orgId) }),
  });
}
