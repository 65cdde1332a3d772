"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { AddedMemberResponse } from "@/lib/users/schemas";
import type { Role } from "@/lib/auth/identity";
import { membersQueryKey } from "@/components/users/use-members";

/** Adds a member; an invitation's set-password link exists only in this mutation's result. */
export function useAddMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: Role }) =>
      fetchJson<AddedMemberResponse>("/api/users", { method: "POST", json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey(orgId) }),
  });
}
