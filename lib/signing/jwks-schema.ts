// The shape of GET /api/engine/compliance/keys, for the OpenAPI document.
import { z } from "zod";

export const publishedSigningKeySchema = z.object({
  kty: z.literal("OKP"),
  crv: z.literal("Ed25519"),
  x: z.string(),
  kid: z.string().meta({ description: "RFC 7638 thumbprint of the public key" }),
  alg: z.literal("EdDSA"),
  use: z.literal("sig"),
  valid_from: z.iso.datetime().meta({ description: "Statements signed before this are not this key's" }),
  valid_until: z.iso.datetime().nullable().meta({ description: "Null while the key is the active one" }),
});

export const jwksSchema = z.object({ keys: z.array(publishedSigningKeySchema) }).meta({ id: "Jwks" });
