// A share link's token: 32 bytes from the CSPRNG (256 bits), base64url, so it
// sits in a URL path as it is. Only its SHA-256 is stored; the token itself
// exists in the creation's answer and in the link the admin passes on.
import { createHash, randomBytes } from "node:crypto";

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export type GeneratedShareLinkToken = { token: string; tokenHash: string };

export function generateShareLinkToken(): GeneratedShareLinkToken {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashShareLinkToken(token) };
}

export function hashShareLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A cheap shape check before any database lookup. */
export function isWellFormedShareLinkToken(value: string): boolean {
  return tokenPattern.test(value);
}
