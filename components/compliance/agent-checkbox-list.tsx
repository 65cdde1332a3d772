"use client";
// Several agents (SOC2): none ticked means every agent of the org.
import { agentLabel } from "@/components/compliance/agent-label";
import type { AgentOption } from "@/components/compliance/use-agents";

export function AgentCheckboxList({
  agents,
  value,
  onChange,
}: {
  agents: AgentOption[];
  value: string[];
  onChange: (agentIds: string[]) => void;
}) {
  const selected = new Set(value);
  const toggle = (id: string, isChecked: boolean) =>
    // Keep the org's order (by name) rather than click order, so the request is stable.
    onChange(agents.filter((agent) => (agent.id === id ? isChecked : selected.has(agent.id))).map((agent) => agent.id));

  if (agents.length === 0) return <p className="text-sm text-slate-600">This organization has no agents yet.</p>;
  return (
    <div className="max-h-48 overflow-y-auto rounded-md border border-slate-300 bg-white p-2">
      <ul className="grid gap-1 sm:grid-cols-2">
        {agents.map((agent) => (
          <li key={agent.id}>
            <label className="flex cursor-pointer items-start gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-50">
              <input
                type="checkbox"
                className="mt-0.5 size-4 accent-indigo-600"
                checked={selected.has(agent.id)}
                onChange={(event) => toggle(agent.id, event.target.checked)}
              />
              <span className="min-w-0 break-words">{agentLabel(agent)}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
