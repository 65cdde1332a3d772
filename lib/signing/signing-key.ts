// The shapes of Attest's signing keys. A key signs report statements while it
// is active and keeps verifying them after it is retired; its validity window
// is published beside it, so a statement dated outside the window is refused.
import type { KeyObject } from "node:crypto";

/** An Ed25519 public key as published in the JWKS (RFC 7517/8037), with its validity window. */
export type PublishedSigningKey = {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  /** RFC 7638 thumbprint of the public key. */
  kid: string;
  alg: "EdDSA";
  use: "sig";
  /** ISO-8601 UTC: statements signed before this are not this key's. */
  valid_from: string;
  /** ISO-8601 UTC, or null while the key is the active one. */
  valid_until: string | null;
};

export type ActiveSigningKey = {
  kid: string;
  privateKey: KeyObject;
  published: PublishedSigningKey;
};

/** The active key and every key that ever signed (the active one included). */
export type SigningKeyring = {
  active: ActiveSigningKey;
  published: PublishedSigningKey[];
};

export const signingAlgorithm = "EdDSA";
