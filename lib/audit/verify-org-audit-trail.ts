// The caller's org's audit trail, recomputed over the requested range: the
// org comes from the verified identity, never from the request.
import type { Identity } from "@/lib/auth/identity";
import type { VerifyAuditTrailQuery } from "@/lib/audit/audit-trail-schemas";
import { verifyStoredAuditChain } from "@/lib/audit/verify-stored-audit-chain";
import type { ChainVerification } from "@/lib/audit-chain/verify-audit-chain";
import { db } from "@/lib/db";

export async function verifyOrgAuditTrail(
  { identity }: { identity: Identity },
  range: VerifyAuditTrailQuery,
): Promise<ChainVerification> {
  return verifyStoredAuditChain(db, identity.orgId, range);
}
