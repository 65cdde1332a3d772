// Reads a JWKS of retired signing keys: public halves only, each with the
// window in which it signed. Its key ids are recomputed, never trusted.
import { calculateJwkThumbprint } from "jose";
import { z } from "zod";
import { SigningKeyError } from "@/lib/signing/parse-signing-key";
import type { PublishedSigningKey } from "@/lib/signing/signing-key";

const isoInstant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "must be an ISO-8601 instant");

export const publishedKeySchema = z.object({
  kty: z.literal("OKP"),
  crv: z.literal("Ed25519"),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be a base64url Ed25519 public key"),
  kid: z.string().optional(),
  valid_from: isoInstant,
  valid_until: isoInstant.nullable().optional(),
});

export const jwksSchema = z.object({ keys: z.array(publishedKeySchema) });

/** Every key of a JWKS, with its thumbprint as kid. `requireRetired`: each must have ended. */
export async function readPublishedKeys(
  jwks: unknown,
  { source, requireRetired }: { source: string; requireRetired: boolean },
): Promise<PublishedSigningKey[]> {
  const parsed = jwksSchema.safeParse(jwks);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SigningKeyError(`${source}: ${issue ? `${issue.path.join(".")} ${issue.message}` : "not a JWKS"}`);
  }
  const keys: PublishedSigningKey[] = [];
  for (const key of parsed.data.keys) {
    const kid = await calculateJwkThumbprint({ kty: "OKP", crv: "Ed25519", x: key.x });
    if (key.kid !== undefined && key.kid !== kid) {
      throw new SigningKeyError(`${source}: key ${key.kid} is not the thumbprint of its public key (${kid})`);
    }
    const validUntil = key.valid_until ?? null;
    if (requireRetired && validUntil === null) {
      throw new SigningKeyError(`${source}: retired key ${kid} needs "valid_until"`);
    }
    keys.push({
      kty: "OKP",
      crv: "Ed25519",
      x: key.x,
      kid,
      alg: "EdDSA",
      use: "sig",
      valid_from: new Date(key.valid_from).toISOString(),
      valid_until: validUntil === null ? null : new Date(validUntil).toISOString(),
    });
  }
  return keys;
}

export function parseRetiredSigningKeys(text: string, source: string): Promise<PublishedSigningKey[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SigningKeyError(`${source}: not JSON`);
  }
  return readPublishedKeys(json, { source, requireRetired: true });
}
