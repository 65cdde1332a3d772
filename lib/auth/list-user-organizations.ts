// The organizations a user may act in, with their role in each: the org
// switcher's list, and the source of truth whenever a session picks an org.
import "server-only";
import { db } from "@/lib/db";
import { isRole, type Role } from "@/lib/auth/identity";

export type OrganizationMembership = { id: string; name: string; slug: string; role: Role };

/** Oldest membership first, so the first entry is the user's default org. Disabled users have none. */
export async function listUserOrganizations(userId: string): Promise<OrganizationMembership[]> {
  const memberships = await db.membership.findMany({
    where: { userId, status: "active", user: { disabledAt: null } },
    select: { role: true, org: { select: { id: true, name: true, slug: true } } },
    orderBy: [{ createdAt: "asc" }, { orgId: "asc" }],
  });
  // Prisma reads the orgs in a second query: an org deleted in between comes back null despite its type.
  return memberships.flatMap(({ role, org }) => ((org as typeof org | null) && isRole(role) ? [{ ...org, role }] : []));
}
