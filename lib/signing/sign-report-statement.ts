// Signs a statement as a compact JWS (EdDSA). The payload is the statement's
// RFC 8785 canonical JSON, so the same statement always has the same bytes
// and a verifier can insist on exactly those bytes.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { CompactSign } from "jose";
import { reportStatementSchema, type ReportStatement } from "@/lib/signing/report-statement";
import { signingAlgorithm, type ActiveSigningKey } from "@/lib/signing/signing-key";

export const statementMediaType = "attest-statement+jws";

export type SignedStatement = { jws: string; kid: string; sha256: string };

export async function signReportStatement(statement: ReportStatement, key: ActiveSigningKey): Promise<SignedStatement> {
  // Refuse to sign what a verifier would refuse to read.
  const checked = reportStatementSchema.parse(statement);
  const payload = canonicalize(checked);
  if (payload === undefined) throw new Error("The statement cannot be canonicalized");
  const jws = await new CompactSign(new TextEncoder().encode(payload))
    .setProtectedHeader({ alg: signingAlgorithm, kid: key.kid, typ: statementMediaType })
    .sign(key.privateKey);
  return { jws, kid: key.kid, sha256: statementDigest(jws) };
}

/** What the next statement names as its predecessor: SHA-256 of the compact JWS text. */
export function statementDigest(jws: string): string {
  return createHash("sha256").update(jws, "ascii").digest("hex");
}
