// npm run signing-key -- new | rotate | jwks
//   new     prints a new Ed25519 key file (private JWK + valid_from) for
//           ATTEST_SIGNING_KEY / ATTEST_SIGNING_KEY_FILE; keep it secret.
//   rotate  retires the data directory's key and starts a new one (the
//           embedded default; ATTEST_DATA_DIR names the directory).
//   jwks    prints the public JWKS of the configured keys.
import { getDataDirectory, getDatabaseProvider } from "@/lib/db/database-url";
import { getEnv } from "@/lib/env";
import { generateSigningKey } from "@/lib/signing/generate-signing-key";
import { loadSigningKeyring } from "@/lib/signing/load-signing-keyring";
import { rotateSigningKey } from "@/lib/signing/rotate-signing-key";
import { toJwks } from "@/lib/signing/to-jwks";

async function main(command: string | undefined): Promise<number> {
  switch (command) {
    case "new":
      console.log(JSON.stringify(generateSigningKey()));
      return 0;
    case "rotate": {
      const { retired, activeKid } = await rotateSigningKey(getDataDirectory());
      console.log(`Retired ${retired.kid} (valid until ${retired.valid_until}); the active key is now ${activeKid}.`);
      return 0;
    }
    case "jwks": {
      const keyring = await loadSigningKeyring({
        provider: getDatabaseProvider(),
        dataDirectory: getDataDirectory(),
        signingKey: getEnv().ATTEST_SIGNING_KEY,
        signingKeyFile: getEnv().ATTEST_SIGNING_KEY_FILE,
        signingKeyValidFrom: getEnv().ATTEST_SIGNING_KEY_VALID_FROM,
        retiredKeys: getEnv().ATTEST_RETIRED_SIGNING_KEYS,
      });
      console.log(JSON.stringify(toJwks(keyring), null, 2));
      return 0;
    }
    default:
      console.error("Usage: npm run signing-key -- new | rotate | jwks");
      return 1;
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
