// Checks a statement against a set of published keys, trusting nothing in the
// statement itself: the key must be in the set, the signature must hold, the
// payload must be the canonical form of a well-formed statement, and it must
// have been signed inside the key's validity window.
import canonicalize from "canonicalize";
import { compactVerify, decodeProtectedHeader, importJWK } from "jose";
import { reportStatementSchema, type ReportStatement } from "@/lib/signing/report-statement";
import { signingAlgorithm, type PublishedSigningKey } from "@/lib/signing/signing-key";

export type StatementVerification =
  { valid: true; statement: ReportStatement; key: PublishedSigningKey } | { valid: false; reason: string };

export async function verifyReportStatement(
  jws: string,
  keys: readonly PublishedSigningKey[],
): Promise<StatementVerification> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jws.trim());
  } catch {
    return { valid: false, reason: "The statement is not a compact JWS" };
  }
  if (header.alg !== signingAlgorithm) {
    return { valid: false, reason: `The statement is signed with ${String(header.alg)}, not ${signingAlgorithm}` };
  }
  const key = keys.find((candidate) => candidate.kid === header.kid);
  if (!key) return { valid: false, reason: `Signing key ${String(header.kid)} is not among the published keys` };

  let payload: Uint8Array;
  try {
    const publicKey = await importJWK({ kty: key.kty, crv: key.crv, x: key.x }, signingAlgorithm);
    ({ payload } = await compactVerify(jws.trim(), publicKey, { algorithms: [signingAlgorithm] }));
  } catch {
    return { valid: false, reason: `The signature does not verify with key ${key.kid}` };
  }

  const text = new TextDecoder().decode(payload);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { valid: false, reason: "The signed payload is not JSON" };
  }
  const parsed = reportStatementSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      valid: false,
      reason: `The signed payload is not a report statement (${issue?.path.join(".")}: ${issue?.message})`,
    };
  }
  if (canonicalize(json) !== text) return { valid: false, reason: "The signed payload is not in canonical form" };

  const signedAt = Date.parse(parsed.data.signedAt);
  if (signedAt < Date.parse(key.valid_from)) {
    return {
      valid: false,
      reason: `Signed at ${parsed.data.signedAt}, before key ${key.kid} became valid (${key.valid_from})`,
    };
  }
  if (key.valid_until !== null && signedAt >= Date.parse(key.valid_until)) {
    return {
      valid: false,
      reason: `Signed at ${parsed.data.signedAt}, after key ${key.kid} was retired (${key.valid_until})`,
    };
  }
  return { valid: true, statement: parsed.data, key };
}
