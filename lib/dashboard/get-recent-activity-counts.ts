// The overview's "last N days" numbers for one org, counted by the database on
// the (orgId, time) indexes: emails, DLP violations, denied agent actions, failed sign-ins.
import { db } from "@/lib/db";

export type RecentActivityCounts = {
  days: number;
  emails: number;
  dlpViolations: number;
  deniedAgentActions: number;
  failedSignIns: number;
};

export async function getRecentActivityCounts(
  ctx: { orgId: string },
  options: { days?: number; now?: Date } = {},
): Promise<RecentActivityCounts> {
  const days = options.days ?? 30;
  const since = new Date((options.now ?? new Date()).getTime() - days * 24 * 60 * 60 * 1000);
  const orgId = ctx.orgId;
  const [emails, dlpViolations, deniedAgentActions, failedSignIns] = await Promise.all([
    db.email.count({ where: { orgId, sentAt: { gte: since } } }),
    db.dlpViolation.count({ where: { orgId, detectedAt: { gte: since } } }),
    db.auditEvent.count({
      where: { orgId, category: "agent_enforcement", outcome: "denied", occurredAt: { gte: since } },
    }),
    db.auditEvent.count({
      where: { orgId, category: "authentication", outcome: "failure", occurredAt: { gte: since } },
    }),
  ]);
  return { days, emails, dlpViolations, deniedAgentActions, failedSignIns };
}
