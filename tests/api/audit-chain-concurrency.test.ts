// Appends never fork an org's chain: many writers at once, in one process or
// in several server processes on one database, leave one gapless chain that
// verifies, with every event written exactly once.
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyStoredAuditChain } from "@/lib/audit/verify-stored-audit-chain";
import { db } from "@/lib/db";
import { ingestRecords } from "@/lib/ingest/ingest-records";
import { ingestBatchSchema } from "@/lib/ingest/schemas";
import { createTestOrg } from "@/tests/support/fixtures";

const execFileAsync = promisify(execFile);
const isPostgres = inject("databaseProvider") === "postgresql";

function batchOf(label: string, size: number) {
  return ingestBatchSchema("audit-events").parse({
    records: Array.from({ length: size }, (_, i) => ({
      id: `${label}-${i}`,
      occurredAt: new Date(Date.UTC(2026, 10, 2, 0, 0, i)).toISOString(),
      actorType: "agent",
      action: "agent.action_denied",
      category: "agent_enforcement",
      outcome: "denied",
    })),
  });
}

describe("concurrent appends", () => {
  it("50 parallel ingest batches and Attest's own events leave one gapless chain", async () => {
    const { orgId } = await createTestOrg();
    const before = await db.auditEvent.count({ where: { orgId } });
    const identity = {
      kind: "api_key" as const,
      apiKeyId: "key-1",
      orgId,
      scopes: ["events:write" as const],
      label: "k",
    };
    await Promise.all([
      ...Array.from({ length: 50 }, (_, b) => ingestRecords({ identity }, "audit-events", batchOf(`b${b}`, 20))),
      ...Array.from({ length: 10 }, (_, i) =>
        recordAuditEvent({ orgId, actorType: "system", action: `auth.test_${i}`, category: "authentication" }),
      ),
    ]);
    const total = before + 50 * 20 + 10;
    expect(await verifyStoredAuditChain(db, orgId)).toMatchObject({
      status: "verified",
      firstSeq: 1,
      lastSeq: total,
      count: total,
    });
    // Ingested events name the key that sent them.
    expect(await db.auditEvent.count({ where: { orgId, source: "ingest", sourceApiKeyId: "key-1" } })).toBe(1000);
  }, 120_000);

  it.runIf(isPostgres)(
    "two server processes appending to one org at once leave one gapless chain",
    async () => {
      const { orgId } = await createTestOrg();
      const before = await db.auditEvent.count({ where: { orgId } });
      const child = path.join(path.dirname(fileURLToPath(import.meta.url)), "audit-chain-writer-child.ts");
      const url = inject("databaseUrl");
      const run = (label: string) =>
        execFileAsync(
          process.execPath, // react-server: lib modules marked server-only load outside Next as they do in it.
          ["--conditions=react-server", "--import", "tsx", child, url, orgId, label, "25", "20"],
          {
            env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
          },
        );
      await Promise.all([run("p1"), run("p2")]);
      const total = before + 2 * (25 * 20 + 5);
      expect(await verifyStoredAuditChain(db, orgId)).toMatchObject({
        status: "verified",
        count: total,
        lastSeq: total,
      });
      expect(await db.auditEvent.count({ where: { orgId, sourceApiKeyId: "key-p1" } })).toBe(500);
      expect(await db.auditEvent.count({ where: { orgId, sourceApiKeyId: "key-p2" } })).toBe(500);
    },
    180_000,
  );
});
