"use client";
// One agent: required for GDPR, optional ("All agents") for Audit.
import clsx from "clsx";
import { agentLabel } from "@/components/compliance/agent-label";
import type { AgentOption } from "@/components/compliance/use-agents";

const selectClasses =
  "block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none aria-invalid:border-red-500";

export function AgentSelect({
  id,
  agents,
  value,
  onChange,
  isRequired,
  describedBy,
  isInvalid,
}: {
  id: string;
  agents: AgentOption[];
  value: string;
  onChange: (agentId: string) => void;
  isRequired: boolean;
  describedBy?: string;
  isInvalid: boolean;
}) {
  return (
    <select
      id={id}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-required={isRequired}
      aria-invalid={isInvalid || undefined}
      aria-describedby={describedBy}
      className={clsx(selectClasses)}
    >
      <option value="">{isRequired ? "Select an agent…" : "All agents"}</option>
      {agents.map((agent) => (
        <option key={agent.id} value={agent.id}>
          {agentLabel(agent)}
        </option>
      ))}
    </select>
  );
}
