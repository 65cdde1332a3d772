// Start-up check: a server that could not sign would fail every report, so a
// missing or unreadable signing key stops it at once, naming what to set.
import { getSigningKeyring } from "@/lib/signing/get-signing-keyring";
import { SigningKeyError } from "@/lib/signing/parse-signing-key";

export async function exitOnMissingSigningKey(): Promise<boolean> {
  try {
    await getSigningKeyring();
    return true;
  } catch (error) {
    if (!(error instanceof SigningKeyError)) throw error;
    console.error(`\nAttest cannot start. ${error.message}\n`);
    process.exit(1);
    return false;
  }
}
