// The SOC2 and Audit Summaries state the audit trail's integrity: the chain
// recomputed at generation, the period's part of it, and every earlier
// report's signed chain head re-checked. Truncation and a chain recomputed
// after a report was signed are caught by the checkpoints; a broken chain is a
// finding in the section, never a failed report.
import { beforeEach, describe, expect, it } from "vitest";
import { hashAuditEvent } from "@/lib/audit-chain/hash-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { readAuditChainEvents } from "@/lib/audit/read-audit-chain-events";
import { createReport } from "@/lib/compliance/requests/create-report";
import { getReportDownload } from "@/lib/compliance/requests/get-report-download";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { reportDefinitions } from "@/lib/compliance/reports";
import { db } from "@/lib/db";
import { rawSqlOf } from "@/lib/db/raw-sql-of";
import { CollectingReportOutput } from "@/tests/support/collecting-report-output";
import { readStream, sessionIdentity } from "@/tests/support/compliance-fixtures";
import { createTestOrg, type TestOrg } from "@/tests/support/fixtures";
import { buildContext } from "@/tests/support/seed-report-content";

const period = { from: "2026-03-01", to: "2026-03-31" };
let org: TestOrg;

async function recordEvents(count: number, at: (i: number) => Date): Promise<void> {
  for (let i = 0; i < count; i++) {
    await recordAuditEvent({
      orgId: org.orgId,
      actorType: "user",
      actorId: org.admin.id,
      actorLabel: org.admin.email,
      action: "user.role_changed",
      category: "user_admin",
      ip: "198.51.100.7",
      metadata: { from: "member", to: "auditor" },
      occurredAt: at(i),
    });
  }
}

const headSeq = async () =>
  (await db.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId }, orderBy: { seq: "desc" } })).seq;

/** A completed report through the real engine: its statement records the chain head. */
async function completedReport(type: "soc2" | "audit" = "soc2"): Promise<{ id: string; checkpointSeq: number }> {
  const identity = sessionIdentity(org);
  const { report } = await createReport({ identity }, type, { dateRange: period });
  const result = await processNextReport(db, `integrity-${type}`, {
    definitions: reportDefinitions,
    reportId: report.id,
  });
  expect(result?.outcome).toBe("completed");
  const statement = await db.reportStatement.findUniqueOrThrow({ where: { reportId: report.id } });
  const payload = JSON.parse(Buffer.from(statement.jws.split(".")[1]!, "base64url").toString("utf8")) as {
    auditChainHead: { seq: number };
  };
  return { id: report.id, checkpointSeq: payload.auditChainHead.seq };
}

async function integritySection(type: "soc2" | "audit") {
  const definition = reportDefinitions[type];
  const output = new CollectingReportOutput(definition.csvColumns);
  await definition.build(buildContext(org.orgId, type, { dateRange: period, agentIds: [] }), output);
  const section = output.sections.get("audit_trail_integrity");
  expect(section, "the integrity section").toBeDefined();
  return { section: section!, checkpoints: section!.tables.checkpoints! };
}

beforeEach(async () => {
  org = await createTestOrg();
  // Two events before the period, then three in it.
  await recordEvents(2, (i) => new Date(Date.UTC(2026, 1, 10 + i)));
  await recordEvents(3, (i) => new Date(Date.UTC(2026, 2, 5 + i)));
});

describe.each(["soc2", "audit"] as const)("the %s report's audit trail integrity section", (type) => {
  it("verifies the chain, names the period's sequence range and finds earlier checkpoints holding", async () => {
    const first = await completedReport();
    const second = await completedReport("audit");
    const head = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId }, orderBy: { seq: "desc" } });
    const { section, checkpoints } = await integritySection(type);
    expect(section.summary).toMatchObject({
      integrity: "verified",
      firstSeq: 3,
      lastSeq: head.seq,
      events: head.seq - 2,
      headHash: head.hash,
      redactedEvents: 0,
      chainEventsVerified: head.seq,
      brokenAtSeq: null,
      earlierCheckpoints: 2,
      checkpointsHolding: 2,
      checkpointResult: "2 earlier checkpoints still hold",
    });
    expect(String(section.summary.finding)).toContain(`verifies from event 1 to event ${head.seq}`);
    expect(checkpoints.map((row) => [row.report_id, row.seq, row.status])).toEqual([
      [first.id, first.checkpointSeq, "holds"],
      [second.id, second.checkpointSeq, "holds"],
    ]);
  });

  it("catches the newest events deleted after a report signed them (truncation)", async () => {
    const signed = await completedReport();
    await recordEvents(2, (i) => new Date(Date.UTC(2026, 2, 20 + i)));
    // Everything from the checkpoint on is deleted: what is left is still a valid chain.
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "orgId" = ${org.orgId} AND "seq" >= ${signed.checkpointSeq}`;
    const { section, checkpoints } = await integritySection(type);
    expect(section.summary).toMatchObject({
      integrity: "broken",
      chainEventsVerified: signed.checkpointSeq - 1,
      brokenAtSeq: null,
      checkpointsHolding: 0,
      checkpointResult: "1 of 1 earlier checkpoints no longer hold",
      checkpointsNotHolding: [
        { reportId: signed.id, seq: signed.checkpointSeq, reason: expect.stringMatching(/no longer exists/) },
      ],
    });
    expect(checkpoints[0]).toMatchObject({
      report_id: signed.id,
      seq: signed.checkpointSeq,
      status: "no longer holds",
    });
    expect(String(section.summary.finding)).toMatch(
      /^The chain verifies .* FINDING: 1 of 1 earlier checkpoints no longer hold/,
    );
  });

  it("catches the chain recomputed consistently after a report was signed", async () => {
    const signed = await completedReport();
    await rewriteChainFrom(2, (event) => ({ ...event, outcome: "failure" }));
    const { section } = await integritySection(type);
    expect(section.summary).toMatchObject({
      integrity: "broken",
      brokenAtSeq: null, // the rewritten chain is internally consistent
      checkpointsNotHolding: [
        { reportId: signed.id, seq: signed.checkpointSeq, reason: expect.stringMatching(/rewritten/) },
      ],
    });
  });

  it("states an edited event as a finding with its sequence number", async () => {
    const signed = await completedReport();
    await db.$executeRaw`UPDATE "AuditEvent" SET "outcome" = 'failure' WHERE "orgId" = ${org.orgId} AND "seq" = 4`;
    const { section } = await integritySection(type);
    expect(section.summary).toMatchObject({
      integrity: "broken",
      brokenAtSeq: 4,
      chainEventsVerified: 3,
      brokenReason: expect.stringMatching(/changed after it was written/),
      // The checkpoint lies after the break: the chain no longer verifies up to it.
      checkpointsNotHolding: [
        { reportId: signed.id, seq: signed.checkpointSeq, reason: expect.stringMatching(/breaks at event 4/) },
      ],
    });
    expect(String(section.summary.finding)).toMatch(/^FINDING: the audit trail is broken at event 4/);
  });

  it("does not trust a statement row whose JWS no longer matches its digest", async () => {
    const signed = await completedReport();
    await db.reportStatement.update({ where: { reportId: signed.id }, data: { sha256: "0".repeat(64) } });
    const { section } = await integritySection(type);
    expect(section.summary).toMatchObject({
      integrity: "broken",
      checkpointsNotHolding: [{ reportId: signed.id, reason: expect.stringMatching(/SHA-256/) }],
    });
  });
  it("notices a statement deleted from the org's chain of statements", async () => {
    const first = await completedReport();
    const second = await completedReport();
    await db.reportStatement.delete({ where: { reportId: first.id } });
    const { section } = await integritySection(type);
    expect(section.summary).toMatchObject({
      integrity: "broken",
      earlierCheckpoints: 1,
      checkpointsNotHolding: [{ reportId: second.id, reason: expect.stringMatching(/Statement 1 .* is missing/) }],
    });
  });
});

it("a broken chain does not fail the report: the stored report states the finding", async () => {
  await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "orgId" = ${org.orgId} AND "seq" = 2`;
  const identity = sessionIdentity(org);
  const { report } = await createReport({ identity }, "soc2", { dateRange: period });
  const result = await processNextReport(db, "integrity-broken", {
    definitions: reportDefinitions,
    reportId: report.id,
  });
  expect(result?.outcome).toBe("completed");
  const download = await getReportDownload({ identity }, report.id, { format: "json", bom: false });
  const document = JSON.parse((await readStream(download.body)).toString("utf8")) as {
    sections: Record<string, { summary: Record<string, unknown> }>;
  };
  expect(document.sections.audit_trail_integrity!.summary).toMatchObject({
    integrity: "broken",
    brokenAtSeq: 2,
    brokenReason: expect.stringMatching(/missing/),
  });
});

/** What an attacker with database access does: change events from `seq` on and recompute every later hash. */
async function rewriteChainFrom(
  seq: number,
  change: (event: Awaited<ReturnType<typeof allEvents>>[number]) => Awaited<ReturnType<typeof allEvents>>[number],
) {
  const events = await allEvents();
  let prevHash = events.find((event) => event.seq === seq - 1)!.hash;
  for (const original of events.filter((event) => event.seq >= seq)) {
    const changed = { ...(original.seq === seq ? change(original) : original), prevHash };
    const hash = hashAuditEvent(changed);
    await db.auditEvent.update({
      where: { id: original.id },
      data: { outcome: changed.outcome, prevHash, hash },
    });
    prevHash = hash;
  }
  expect(await headSeq()).toBe(events.length);
}

async function allEvents() {
  const events = [];
  for await (const event of readAuditChainEvents(rawSqlOf(db), org.orgId, { from: 1, to: 1_000_000 }))
    events.push(event);
  return events;
}
