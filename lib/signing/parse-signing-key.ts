// Reads an Ed25519 private key given as a JWK (JSON, Attest's key file format,
// which may carry `valid_from`) or as PKCS#8 PEM, and derives what the JWKS
// publishes: the public half and its RFC 7638 thumbprint as key id.
import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { calculateJwkThumbprint } from "jose";
import type { ActiveSigningKey, PublishedSigningKey } from "@/lib/signing/signing-key";

export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SigningKeyError";
  }
}

/**
 * `source` names where the key came from (a variable or a file) for error
 * messages; `validFrom` applies when the key text does not carry its own.
 */
export async function parseSigningKey(
  text: string,
  { source, validFrom }: { source: string; validFrom?: string },
): Promise<ActiveSigningKey> {
  const trimmed = text.trim();
  let privateKey: KeyObject;
  let ownValidFrom: string | undefined;
  try {
    if (trimmed.startsWith("{")) {
      const jwk = JSON.parse(trimmed) as Record<string, unknown>;
      ownValidFrom = typeof jwk.valid_from === "string" ? jwk.valid_from : undefined;
      privateKey = createPrivateKey({ key: jwkKeyMembers(jwk), format: "jwk" });
    } else {
      privateKey = createPrivateKey({ key: trimmed, format: "pem" });
    }
  } catch (error) {
    throw new SigningKeyError(`${source} is not a readable private key: ${(error as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new SigningKeyError(`${source} must be an Ed25519 key (it is ${privateKey.asymmetricKeyType ?? "unknown"})`);
  }
  const since = validFrom ?? ownValidFrom;
  if (since === undefined || Number.isNaN(Date.parse(since))) {
    throw new SigningKeyError(
      `${source} needs the moment it became valid: a "valid_from" member in the key file, or ATTEST_SIGNING_KEY_VALID_FROM`,
    );
  }
  const publicJwk = createPublicKey(privateKey).export({ format: "jwk" });
  if (typeof publicJwk.x !== "string") throw new SigningKeyError(`${source}: the public key could not be derived`);
  const kid = await calculateJwkThumbprint({ kty: "OKP", crv: "Ed25519", x: publicJwk.x });
  const published: PublishedSigningKey = {
    kty: "OKP",
    crv: "Ed25519",
    x: publicJwk.x,
    kid,
    alg: "EdDSA",
    use: "sig",
    valid_from: new Date(since).toISOString(),
    valid_until: null,
  };
  return { kid, privateKey, published };
}

/** Node's JWK import refuses members it does not know, such as our `valid_from`. */
function jwkKeyMembers(jwk: Record<string, unknown>) {
  const { kty, crv, x, d } = jwk;
  if (typeof kty !== "string" || typeof crv !== "string" || typeof x !== "string" || typeof d !== "string") {
    throw new Error("a private JWK needs kty, crv, x and d");
  }
  return { kty, crv, x, d };
}
