// The dashboard overview's headline numbers for one org, counted by the database.
import { db } from "@/lib/db";

export type OverviewCounts = { agents: number; emails: number; auditEvents: number; dlpViolations: number };

export async function getOverviewCounts(ctx: { orgId: string }): Promise<OverviewCounts> {
  const where = { orgId: ctx.orgId };
  const [agents, emails, auditEvents, dlpViolations] = await Promise.all([
    db.agent.count({ where }),
    db.email.count({ where }),
    db.auditEvent.count({ where }),
    db.dlpViolation.count({ where }),
  ]);
  return { agents, emails, auditEvents, dlpViolations };
}
