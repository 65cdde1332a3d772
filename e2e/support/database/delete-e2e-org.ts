// Removes a fixture org with everything in it (the schema cascades) and its users.
import type { Database } from "@/lib/db";
import type { E2eOrg } from "../e2e-org";

export async function deleteE2eOrg(db: Database, org: E2eOrg): Promise<void> {
  await db.organization.deleteMany({ where: { id: org.id } });
  await db.user.deleteMany({ where: { id: { in: [org.admin.id, org.auditor.id, org.member.id] } } });
}
