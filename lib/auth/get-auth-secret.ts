// The secret that encrypts session cookies. From NEXTAUTH_SECRET / AUTH_SECRET
// when set; otherwise generated once and kept in the data directory, so the
// embedded default works out of the box without a secret committed to the repo.
// Several instances sharing one PostgreSQL database must set NEXTAUTH_SECRET,
// or each would mint cookies the others cannot read.
import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getDataDirectory } from "@/lib/db/database-url";
import { getEnv } from "@/lib/env";

export const authSecretFileName = "auth-secret";

let cached: { secret: string; source: string } | undefined;

export function getAuthSecret(): string {
  const fromEnv = getEnv().NEXTAUTH_SECRET || getEnv().AUTH_SECRET;
  if (fromEnv) return fromEnv;

  const file = path.join(getDataDirectory(), authSecretFileName);
  if (cached?.source === file) return cached.secret;
  const secret = readOrCreateSecretFile(file);
  cached = { secret, source: file };
  return secret;
}

function readOrCreateSecretFile(file: string): string {
  const existing = readSecretFile(file);
  if (existing) return existing;

  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    // `wx` fails if another process (or a report worker) wrote it first: then theirs wins.
    fs.writeFileSync(file, `${secret}\n`, { flag: "wx", mode: 0o600 });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = readSecretFile(file);
    if (!winner) throw new Error(`The auth secret file ${file} is empty; delete it or set NEXTAUTH_SECRET`);
    return winner;
  }
}

function readSecretFile(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8").trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
