// What the shared page says about a report's integrity: whether its signed
// statement verifies with a published key, and whether the stored files are
// byte for byte the ones it signs (their SHA-256 and size). The recipient can
// repeat both checks offline (docs/verifying-reports.md).
import type { IntegrityStatus } from "@/lib/share-links/schemas";
import { getPublishedSigningKeys } from "@/lib/signing/get-published-signing-keys";
import { verifyReportStatement } from "@/lib/signing/verify-report-statement";

export type StoredFileDigest = { format: string; byteSize: number; sha256: string };

export async function checkSharedReportIntegrity(
  reportId: string,
  statementJws: string | null,
  files: readonly StoredFileDigest[],
): Promise<{ status: IntegrityStatus; message: string }> {
  if (statementJws === null) {
    return { status: "unsigned", message: "This report has no signed statement, so its files cannot be checked." };
  }
  const { keys } = await getPublishedSigningKeys();
  const verification = await verifyReportStatement(statementJws, keys);
  if (!verification.valid) return { status: "failed", message: verification.reason };
  const { statement } = verification;
  if (statement.reportId !== reportId) {
    return { status: "failed", message: `The statement is about report ${statement.reportId}, not this one` };
  }
  for (const signed of statement.artifacts) {
    const stored = files.find((file) => file.format === signed.format);
    if (!stored) return { status: "failed", message: `The signed ${signed.format.toUpperCase()} file is not stored` };
    if (stored.sha256 !== signed.sha256 || stored.byteSize !== signed.byteSize) {
      return {
        status: "failed",
        message: `The stored ${signed.format.toUpperCase()} file is not the one the statement signs (SHA-256 ${stored.sha256}, signed ${signed.sha256})`,
      };
    }
  }
  return {
    status: "verified",
    message: `The statement's signature verifies with key ${verification.key.kid}, and the stored files are the ones it signs.`,
  };
}
