// setupFiles of the `api` project: runs in each worker before a test file is
// imported, so lib/db.ts (which reads DATABASE_URL at import) opens the run's database.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { generateSigningKey } from "@/lib/signing/generate-signing-key";

process.env.DATABASE_URL = inject("databaseUrl");
// Generated secrets and other files stay in the run's scratch directory.
process.env.ATTEST_DATA_DIR = inject("dataDirectory");
// On SQLite the signing key is generated into the data directory, as in the
// product; PostgreSQL needs a configured one, like a real deployment.
if (inject("databaseProvider") === "postgresql" && !process.env.ATTEST_SIGNING_KEY) {
  const keyFile = path.join(inject("dataDirectory"), "test-signing-key.json");
  // The run's workers share one key: each writes its own file and links it into
  // place, which fails for all but the first (a link is atomic, a write is not).
  const ownFile = `${keyFile}.${randomUUID()}`;
  fs.writeFileSync(ownFile, JSON.stringify(generateSigningKey(new Date("2020-01-01T00:00:00Z"))));
  try {
    fs.linkSync(ownFile, keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.unlinkSync(ownFile);
  }
  process.env.ATTEST_SIGNING_KEY_FILE = keyFile;
}
