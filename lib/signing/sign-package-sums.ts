// Signs an evidence package's SHA256SUMS as a compact JWS whose payload is
// that text byte for byte, so openssl alone can check it. Ed25519 signatures
// are deterministic (RFC 8032) and the header is fixed, so the same SHA256SUMS
// signed by the same key is the same JWS every time: a package's bytes stay
// stable without storing its signature.
import { CompactSign } from "jose";
import { signingAlgorithm, type ActiveSigningKey } from "@/lib/signing/signing-key";

export const packageSumsMediaType = "attest-package-sums+jws";

export async function signPackageSums(sums: string, key: ActiveSigningKey): Promise<string> {
  return new CompactSign(new TextEncoder().encode(sums))
    .setProtectedHeader({ alg: signingAlgorithm, kid: key.kid, typ: packageSumsMediaType })
    .sign(key.privateKey);
}
