"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { MemberResponse } from "@/lib/users/schemas";

/** Keyed by org, so switching organization can never show the previous org's people. */
export const membersQueryKey = (orgId: string) => ["members", orgId] as const;

/** The current org's members, admins first. */
export function useMembers(orgId: string, initialData?: MemberResponse[]) {
  return useQuery({
    queryKey: membersQueryKey(orgId),
    queryFn: async () => (await fetchJson<{ members: MemberResponse[] }>("/api/users")).members,
    initialData,
  });
}
