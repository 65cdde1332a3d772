// Two writers of the same client ids: the later one's duplicate lookup cannot
// see the earlier one's rows until they commit. On PostgreSQL its insert then
// waits on the unique key and fails with the driver's unique violation once
// the earlier commits (on SQLite it waits for the write lock instead), and
// ingestRecords runs again and reports the records as duplicates.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ingestRecords } from "@/lib/ingest/ingest-records";
import { planIngestBatch } from "@/lib/ingest/plan-ingest-batch";
import { resolveInsertTarget } from "@/lib/ingest/resolve-insert-target";
import { ingestBatchSchema } from "@/lib/ingest/schemas";
import { writePlannedBatch } from "@/lib/ingest/write-planned-batch";
import { createTestAgent, sessionIdentity } from "@/tests/support/compliance-fixtures";
import { createTestOrg, type TestOrg } from "@/tests/support/fixtures";

let org: TestOrg;
let agentId: string;

beforeAll(async () => {
  org = await createTestOrg();
  agentId = (await createTestAgent(org.orgId, "Racing agent")).id;
});

const emailBatch = (tag: string, count: number) =>
  ingestBatchSchema("emails").parse({
    records: Array.from({ length: count }, (_, i) => ({
      id: `${tag}-${i}`,
      agentId,
      direction: "outbound",
      messageId: `<${tag}-${i}@mail.example>`,
      fromAddress: "bot@acme.example",
      toAddresses: ["jane@customer.example"],
      subject: `${tag} #${i}`,
      body: "Hello",
      sentAt: "2026-01-31T12:00:00Z",
    })),
  });

describe("a batch whose client ids another transaction is writing", () => {
  it("waits for it, then answers its records as duplicates and writes nothing twice", async () => {
    const tag = `race-${Date.now().toString(36)}`;
    const identity = sessionIdentity(org);
    const plan = planIngestBatch(identity, "emails", emailBatch(tag, 5));
    let releaseFirst = () => undefined as void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstWrote = () => undefined as void;
    const firstHasWritten = new Promise<void>((resolve) => (firstWrote = resolve));

    const first = db.$transaction(
      async (tx) => {
        const written = await writePlannedBatch(tx, plan, await resolveInsertTarget(db));
        firstWrote();
        await firstMayCommit;
        return written;
      },
      { timeout: 30_000 },
    );
    await firstHasWritten;
    const second = ingestRecords({ identity }, "emails", emailBatch(tag, 5));
    // Long enough for the second to read, find nothing and reach the first's keys.
    await new Promise((resolve) => setTimeout(resolve, 500));
    releaseFirst();

    expect((await first).accepted).toBe(5);
    const result = await second;
    expect(result).toMatchObject({ accepted: 0, duplicates: 5 });
    expect(result.records.every((record) => record.status === "duplicate")).toBe(true);
    expect(await db.email.count({ where: { orgId: org.orgId, subject: { startsWith: tag } } })).toBe(5);
  });
});
