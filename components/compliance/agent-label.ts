// How an agent reads in pickers: name, address, and its status unless active.
import type { AgentOption } from "@/components/compliance/use-agents";

export function agentLabel(agent: AgentOption): string {
  const status = agent.status === "active" ? "" : ` (${agent.status})`;
  return `${agent.name} <${agent.emailAddress}>${status}`;
}
