"use client";
// The current org's agents (id, name, address, status) for the Agent pickers.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { reportQueryKeys } from "@/components/compliance/report-query-keys";

export type AgentOption = { id: string; name: string; emailAddress: string; status: string };

export function useAgents() {
  return useQuery({
    queryKey: reportQueryKeys.agents,
    queryFn: ({ signal }) => fetchJson<{ agents: AgentOption[] }>("/api/agents", { signal }),
    select: (data) => data.agents,
  });
}
