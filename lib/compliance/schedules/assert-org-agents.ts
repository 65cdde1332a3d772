// A schedule's agents must be the caller's org's: 400 naming the unknown ids under `agentIds`.
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

export async function assertOrgAgents(db: Database, orgId: string, agentIds: readonly string[]): Promise<void> {
  if (agentIds.length === 0) return;
  const found = await db.agent.findMany({ where: { orgId, id: { in: [...agentIds] } }, select: { id: true } });
  const known = new Set(found.map((agent) => agent.id));
  const unknown = agentIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError("validation_failed", "The request is invalid", {
      fields: {
        agentIds: [`Unknown agent${unknown.length > 1 ? "s" : ""} in this organization: ${unknown.join(", ")}`],
      },
    });
  }
}
