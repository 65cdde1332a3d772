// Transactions that read before they write, beside another connection's
// commits (a report worker's, the ingest writer's): on SQLite a deferred
// transaction's first read pins a snapshot, and a write after another
// connection's commit fails at once with SQLITE_BUSY_SNAPSHOT (the 500s behind
// the flaky revoke, invitation and data-subject-request browser tests). These
// take the org's chain lock (the write lock) first; this keeps another
// connection committing every millisecond while they run.
import { Worker } from "node:worker_threads";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import type { Identity } from "@/lib/auth/identity";
import { updatePrivacyProfile } from "@/lib/privacy/update-privacy-profile";
import { getSqliteFilePath } from "@/lib/db/database-url";
import { createTestApiKey, createTestOrg, type TestOrg } from "@/tests/support/fixtures";

const isSqlite = inject("databaseProvider") === "sqlite";

/** Renames `orgId` (another org than the one under test) in a loop, a commit a millisecond, until stopped. */
const committerSource = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require("better-sqlite3");
const connection = new Database(workerData.file, { timeout: 10000 });
const rename = connection.prepare('UPDATE "Organization" SET "name" = ? WHERE "id" = ?');
const stop = new Int32Array(workerData.stop);
let commits = 0;
parentPort.postMessage("started");
while (Atomics.load(stop, 0) === 0) {
  rename.run("renamed " + commits++, workerData.orgId);
  Atomics.wait(stop, 0, 0, 1);
}
connection.close();
parentPort.postMessage(commits);
`;

let org: TestOrg;
let bystander: TestOrg;
let stopCommitter: (() => Promise<number>) | null = null;

beforeAll(async () => {
  org = await createTestOrg();
  bystander = await createTestOrg();
});

afterEach(async () => {
  await stopCommitter?.();
  stopCommitter = null;
});

async function startCommitter(): Promise<void> {
  const stop = new SharedArrayBuffer(4);
  const thread = new Worker(committerSource, {
    eval: true,
    workerData: { file: getSqliteFilePath(inject("databaseUrl")), orgId: bystander.orgId, stop },
  });
  await new Promise((resolve) => thread.once("message", resolve));
  stopCommitter = async () => {
    Atomics.store(new Int32Array(stop), 0, 1);
    Atomics.notify(new Int32Array(stop), 0);
    return new Promise<number>((resolve) => thread.once("message", resolve));
  };
}

/** The test org's admin, signed in. */
function adminIdentity(): Identity {
  const { admin, orgId } = org;
  return { kind: "session", userId: admin.id, email: admin.email, name: admin.name, orgId, role: "admin" };
}

describe.runIf(isSqlite)("read-then-write transactions beside another connection's commits (SQLite)", () => {
  it("revoking keys never fails on a stale snapshot", async () => {
    const keys = await Promise.all(Array.from({ length: 30 }, () => createTestApiKey(org.orgId, ["reports:read"])));
    await startCommitter();
    for (const key of keys) await revokeApiKey({ orgId: org.orgId, actor: adminIdentity() }, key.id);
    const commits = await stopCommitter!();
    stopCommitter = null;
    expect(commits).toBeGreaterThan(0);
  }, 60_000);

  it("saving the privacy profile never fails on a stale snapshot", async () => {
    await startCommitter();
    const identity = adminIdentity();
    for (let save = 0; save < 30; save++) {
      await updatePrivacyProfile(
        { identity },
        {
          controllerName: `Controller ${save}`,
          controllerContact: "privacy@example.test",
          dpoContact: null,
          supervisoryAuthorityName: "Authority",
          supervisoryAuthorityUrl: null,
        },
      );
    }
    expect(await stopCommitter!()).toBeGreaterThan(0);
    stopCommitter = null;
  }, 60_000);
});
