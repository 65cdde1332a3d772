// Checks an evidence package's SHA256SUMS.jws: signed by a published key, and
// its payload is exactly the package's SHA256SUMS. The signature carries no
// signing time, so no key window applies; the verifier's stronger check is
// that every file re-derives from the signed report.json (verify-evidence-package.ts).
import { compactVerify, decodeProtectedHeader, importJWK } from "jose";
import { packageSumsMediaType } from "@/lib/signing/sign-package-sums";
import { signingAlgorithm, type PublishedSigningKey } from "@/lib/signing/signing-key";

export type PackageSumsVerification = { valid: true; key: PublishedSigningKey } | { valid: false; reason: string };

export async function verifyPackageSums(
  jws: string,
  sums: Buffer,
  keys: readonly PublishedSigningKey[],
): Promise<PackageSumsVerification> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jws.trim());
  } catch {
    return { valid: false, reason: "SHA256SUMS.jws is not a compact JWS" };
  }
  if (header.alg !== signingAlgorithm || header.typ !== packageSumsMediaType) {
    return { valid: false, reason: `SHA256SUMS.jws is not an ${signingAlgorithm} ${packageSumsMediaType}` };
  }
  const key = keys.find((candidate) => candidate.kid === header.kid);
  if (!key)
    return { valid: false, reason: `SHA256SUMS.jws: key ${String(header.kid)} is not among the published keys` };
  try {
    const publicKey = await importJWK({ kty: key.kty, crv: key.crv, x: key.x }, signingAlgorithm);
    const { payload } = await compactVerify(jws.trim(), publicKey, { algorithms: [signingAlgorithm] });
    if (!Buffer.from(payload).equals(sums)) {
      return { valid: false, reason: "SHA256SUMS is not the text SHA256SUMS.jws signed" };
    }
  } catch {
    return { valid: false, reason: `SHA256SUMS.jws does not verify with key ${key.kid}` };
  }
  return { valid: true, key };
}
