// The public JWKS: every key that ever signed, each with its validity window.
import type { PublishedSigningKey, SigningKeyring } from "@/lib/signing/signing-key";

export type Jwks = { keys: PublishedSigningKey[] };

export function toJwks(keyring: SigningKeyring): Jwks {
  return { keys: keyring.published.map((key) => ({ ...key })) };
}
