// Finds Attest's signing keys at start: the active private key from
// ATTEST_SIGNING_KEY / ATTEST_SIGNING_KEY_FILE, or, on the embedded SQLite
// default only, a key generated once into the data directory (mode 0600).
// PostgreSQL deployments must configure it: every instance signs with the same
// key, and it never lives in the database a signature must not depend on.
// Retired keys (public halves with their windows) keep verifying old statements.
import fs from "node:fs";
import path from "node:path";
import { generateSigningKey } from "@/lib/signing/generate-signing-key";
import { parseSigningKey, SigningKeyError } from "@/lib/signing/parse-signing-key";
import { parseRetiredSigningKeys } from "@/lib/signing/parse-retired-signing-keys";
import type { SigningKeyring } from "@/lib/signing/signing-key";

export type SigningKeyConfig = {
  provider: "sqlite" | "postgresql";
  dataDirectory: string;
  /** ATTEST_SIGNING_KEY: the private key itself (JWK JSON or PKCS#8 PEM). */
  signingKey?: string;
  /** ATTEST_SIGNING_KEY_FILE: a path to it. */
  signingKeyFile?: string;
  /** ATTEST_SIGNING_KEY_VALID_FROM: for a key whose text does not say since when it is valid. */
  signingKeyValidFrom?: string;
  /** ATTEST_RETIRED_SIGNING_KEYS: a JWKS of retired public keys, inline JSON or a path. */
  retiredKeys?: string;
};

export const signingDirectoryName = "signing";
export const signingKeyFileName = "signing-key.json";
export const retiredKeysFileName = "retired-keys.json";

export async function loadSigningKeyring(config: SigningKeyConfig): Promise<SigningKeyring> {
  const active = await loadActiveKey(config);
  const retired = [
    ...(config.retiredKeys ? await readRetired(config.retiredKeys, "ATTEST_RETIRED_SIGNING_KEYS") : []),
    ...(usesDataDirectoryKey(config) ? await readRetiredFileIfPresent(config.dataDirectory) : []),
  ];
  const seen = new Set([active.kid]);
  for (const key of retired) {
    if (seen.has(key.kid)) {
      throw new SigningKeyError(`Signing key ${key.kid} is listed twice (or is both active and retired)`);
    }
    seen.add(key.kid);
  }
  return { active, published: [...retired, active.published] };
}

function usesDataDirectoryKey(config: SigningKeyConfig): boolean {
  return !config.signingKey && !config.signingKeyFile;
}

async function loadActiveKey(config: SigningKeyConfig) {
  const options = { validFrom: config.signingKeyValidFrom };
  if (config.signingKey) return parseSigningKey(config.signingKey, { ...options, source: "ATTEST_SIGNING_KEY" });
  if (config.signingKeyFile) {
    const text = readText(config.signingKeyFile, "ATTEST_SIGNING_KEY_FILE");
    return parseSigningKey(text, { ...options, source: `ATTEST_SIGNING_KEY_FILE (${config.signingKeyFile})` });
  }
  if (config.provider === "postgresql") {
    throw new SigningKeyError(
      "With PostgreSQL, set ATTEST_SIGNING_KEY or ATTEST_SIGNING_KEY_FILE (the same key on every instance; `npm run signing-key -- new` makes one)",
    );
  }
  const file = path.join(config.dataDirectory, signingDirectoryName, signingKeyFileName);
  return parseSigningKey(readOrCreateKeyFile(file), { ...options, source: file });
}

function readOrCreateKeyFile(file: string): string {
  if (fs.existsSync(file)) return readText(file, file);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // `wx`: if another process or thread created it first, theirs wins.
    fs.writeFileSync(file, `${JSON.stringify(generateSigningKey())}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readText(file, file);
}

function readRetired(value: string, source: string) {
  const text = value.trim().startsWith("{") ? value : readText(value, source);
  return parseRetiredSigningKeys(text, source);
}

async function readRetiredFileIfPresent(dataDirectory: string) {
  const file = path.join(dataDirectory, signingDirectoryName, retiredKeysFileName);
  return fs.existsSync(file) ? parseRetiredSigningKeys(readText(file, file), file) : [];
}

function readText(file: string, source: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new SigningKeyError(`${source}: cannot read ${file}: ${(error as Error).message}`);
  }
}
