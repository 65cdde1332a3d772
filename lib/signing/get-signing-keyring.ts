// The process's (or thread's) signing keys, loaded once from the configuration
// (lib/env.ts) and cached; a changed configuration (tests) loads again.
import { getDataDirectory, getDatabaseProvider } from "@/lib/db/database-url";
import { getEnv } from "@/lib/env";
import { loadSigningKeyring, type SigningKeyConfig } from "@/lib/signing/load-signing-keyring";
import type { SigningKeyring } from "@/lib/signing/signing-key";

let cached: { key: string; keyring: Promise<SigningKeyring> } | undefined;

export function signingKeyConfig(): SigningKeyConfig {
  const env = getEnv();
  return {
    provider: getDatabaseProvider(),
    dataDirectory: getDataDirectory(),
    signingKey: env.ATTEST_SIGNING_KEY,
    signingKeyFile: env.ATTEST_SIGNING_KEY_FILE,
    signingKeyValidFrom: env.ATTEST_SIGNING_KEY_VALID_FROM,
    retiredKeys: env.ATTEST_RETIRED_SIGNING_KEYS,
  };
}

export function getSigningKeyring(): Promise<SigningKeyring> {
  const config = signingKeyConfig();
  const key = JSON.stringify(config);
  if (cached?.key !== key) {
    const keyring = loadSigningKeyring(config);
    // A failed load is not cached: the next call reports the error again.
    keyring.catch(() => {
      if (cached?.keyring === keyring) cached = undefined;
    });
    cached = { key, keyring };
  }
  return cached.keyring;
}
