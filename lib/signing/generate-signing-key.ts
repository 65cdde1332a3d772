// A new Ed25519 signing key in Attest's key file format: a private JWK with
// the moment it became valid. The private half never goes into the database.
import { generateKeyPairSync } from "node:crypto";

export type SigningKeyFile = { kty: "OKP"; crv: "Ed25519"; x: string; d: string; valid_from: string };

export function generateSigningKey(now = new Date()): SigningKeyFile {
  const { privateKey } = generateKeyPairSync("ed25519");
  const jwk = privateKey.export({ format: "jwk" });
  if (typeof jwk.x !== "string" || typeof jwk.d !== "string") throw new Error("Ed25519 key export failed");
  return { kty: "OKP", crv: "Ed25519", x: jwk.x, d: jwk.d, valid_from: now.toISOString() };
}
