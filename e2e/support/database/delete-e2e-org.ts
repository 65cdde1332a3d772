// Removes a fixture org with everything in it (the schema cascades) and its
// users: the fixture's three, and those the test added through the Users page
// (the audit trail names them) that belong to no other org.
import type { Database } from "@/lib/db";
import type { E2eOrg } from "../e2e-org";

export async function deleteE2eOrg(db: Database, org: E2eOrg): Promise<void> {
  const added = await db.auditEvent.findMany({
    where: { orgId: org.id, action: "user.created", source: "attest", targetId: { not: null } },
    select: { targetId: true },
  });
  await db.organization.deleteMany({ where: { id: org.id } });
  await db.user.deleteMany({ where: { id: { in: [org.admin.id, org.auditor.id, org.member.id] } } });
  const addedIds = added.flatMap((event) => (event.targetId ? [event.targetId] : []));
  if (addedIds.length > 0) await db.user.deleteMany({ where: { id: { in: addedIds }, memberships: { none: {} } } });
}
