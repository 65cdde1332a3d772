// Rotation of the data directory's key (the embedded default): the active key
// is retired — its public half joins retired-keys.json with the moment it
// stopped — and a new key takes over from that same moment. Deployments that
// configure ATTEST_SIGNING_KEY rotate by configuration instead (README).
import fs from "node:fs";
import path from "node:path";
import { generateSigningKey } from "@/lib/signing/generate-signing-key";
import { retiredKeysFileName, signingDirectoryName, signingKeyFileName } from "@/lib/signing/load-signing-keyring";
import { parseRetiredSigningKeys } from "@/lib/signing/parse-retired-signing-keys";
import { parseSigningKey, SigningKeyError } from "@/lib/signing/parse-signing-key";
import type { PublishedSigningKey } from "@/lib/signing/signing-key";

export async function rotateSigningKey(
  dataDirectory: string,
  now = new Date(),
): Promise<{ retired: PublishedSigningKey; activeKid: string }> {
  const directory = path.join(dataDirectory, signingDirectoryName);
  const keyFile = path.join(directory, signingKeyFileName);
  const retiredFile = path.join(directory, retiredKeysFileName);
  if (!fs.existsSync(keyFile)) throw new SigningKeyError(`No signing key to rotate at ${keyFile}`);

  const current = await parseSigningKey(fs.readFileSync(keyFile, "utf8"), { source: keyFile });
  const retiredKeys = fs.existsSync(retiredFile)
    ? await parseRetiredSigningKeys(fs.readFileSync(retiredFile, "utf8"), retiredFile)
    : [];
  const retired: PublishedSigningKey = { ...current.published, valid_until: now.toISOString() };
  const next = generateSigningKey(now);

  // The retired list is written before the key is replaced: a crash in between
  // leaves the old key active and listed twice, which start-up refuses loudly
  // rather than losing the old key's public half.
  writeAtomically(retiredFile, `${JSON.stringify({ keys: [...retiredKeys, retired] }, null, 2)}\n`, 0o644);
  writeAtomically(keyFile, `${JSON.stringify(next)}\n`, 0o600);
  const active = await parseSigningKey(JSON.stringify(next), { source: keyFile });
  return { retired, activeKid: active.kid };
}

function writeAtomically(file: string, text: string, mode: number): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text, { mode });
  fs.renameSync(temporary, file);
}
