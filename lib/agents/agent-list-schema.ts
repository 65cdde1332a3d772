// The shape of GET /api/agents, for the OpenAPI document.
import { z } from "zod";

export const agentListSchema = z
  .object({
    agents: z.array(z.object({ id: z.string(), name: z.string(), emailAddress: z.string(), status: z.string() })),
  })
  .meta({ id: "AgentList" });
