// Which of the signed-in person's organizations holds a report: the report page
// offers to switch to it when a link leads to a report of another of their orgs.
// Only orgs where the person may read reports are searched, so a report anywhere
// else is as missing as an unknown id (its org's name is never told).
import { roleHasPermission, roles, type SessionIdentity } from "@/lib/auth/identity";
import { databaseOf } from "@/lib/compliance/requests/compliance-context";
import type { Database } from "@/lib/db";

export type ReportOrganization = { id: string; name: string };

const readerRoles = roles.filter((role) => roleHasPermission(role, "reports:read"));

export async function findReportOrganization(
  ctx: { identity: SessionIdentity; db?: Database },
  reportId: string,
): Promise<ReportOrganization | null> {
  const report = await databaseOf(ctx).report.findFirst({
    where: {
      id: reportId,
      org: {
        memberships: {
          some: {
            userId: ctx.identity.userId,
            status: "active",
            role: { in: readerRoles },
            user: { disabledAt: null },
          },
        },
      },
    },
    select: { org: { select: { id: true, name: true } } },
  });
  return report?.org ?? null;
}
