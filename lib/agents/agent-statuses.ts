// An agent's lifecycle states (Agent.status in prisma/models.prisma): what ingest
// accepts and what the agents page can name.
export const agentStatuses = ["active", "paused", "retired"] as const;
export type AgentStatus = (typeof agentStatuses)[number];
