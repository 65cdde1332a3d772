// API key format: `att_<8-char prefix>_<32-char secret>`, both base62 from the
// CSPRNG (~238 bits in all). Only the SHA-256 of the whole key is stored, with
// `att_<prefix>` kept visible so people can tell their keys apart.
import { createHash, randomBytes } from "node:crypto";

const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const keyPattern = /^att_[0-9A-Za-z]{8}_[0-9A-Za-z]{32}$/;

export type GeneratedApiKey = { key: string; prefix: string; hashedKey: string };

export function generateApiKey(): GeneratedApiKey {
  const prefix = `att_${randomBase62(8)}`;
  const key = `${prefix}_${randomBase62(32)}`;
  return { key, prefix, hashedKey: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** A cheap shape check before any database lookup. */
export function isWellFormedApiKey(value: string): boolean {
  return keyPattern.test(value);
}

function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 62 * 4: dropping bytes above it keeps every character equally likely.
      if (byte < 248 && out.length < length) out += alphabet[byte % 62];
    }
  }
  return out;
}
