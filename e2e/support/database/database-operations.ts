// Everything the fixtures ask of the database, bound to one Prisma client. The
// database thread runs these; the test side calls them by name (database-protocol.ts).
import type { Database } from "@/lib/db";
import type { CreateE2eOrgOptions, E2eOrg, E2eRole } from "../e2e-org";
import { createE2eOrg } from "./create-e2e-org";
import { deleteE2eOrg } from "./delete-e2e-org";
import {
  deleteAgent,
  insertAgent,
  insertCompletedReport,
  insertFailedReport,
  insertHeldReport,
  insertSignIns,
  tamperAuditEvent,
  type FailedReportInput,
} from "./write-compliance-rows";

export function createDatabaseOperations(db: Database) {
  return {
    createOrg: (options?: CreateE2eOrgOptions) => createE2eOrg(db, options),
    deleteOrg: (org: E2eOrg) => deleteE2eOrg(db, org),
    /** Gives an existing user a role in another org too (for switching organizations). */
    addMembership: async (userId: string, orgId: string, role: E2eRole) => {
      await db.membership.create({ data: { orgId, userId, role }, select: { id: true } });
    },
    insertFailedReport: (input: FailedReportInput) => insertFailedReport(db, input),
    insertCompletedReport: (input: Omit<FailedReportInput, "errorCode">) => insertCompletedReport(db, input),
    insertHeldReport: (input: Parameters<typeof insertHeldReport>[1]) => insertHeldReport(db, input),
    insertAgent: (orgId: string, name: string) => insertAgent(db, orgId, name),
    deleteAgent: (id: string) => deleteAgent(db, id),
    insertSignIns: (orgId: string, count: number) => insertSignIns(db, orgId, count),
    tamperAuditEvent: (orgId: string, seq: number) => tamperAuditEvent(db, orgId, seq),
    disconnect: () => db.$disconnect(),
  };
}

export type DatabaseOperations = ReturnType<typeof createDatabaseOperations>;
