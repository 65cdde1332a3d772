// The Audit Summary's compliance-exports section counts only events Attest
// itself wrote: an ingested event dressed as one of Attest's (ingest now
// refuses the namespace, but older rows or a direct insert may hold one) is
// listed in the events section as ingested and never counted as report activity.
import { expect, it } from "vitest";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { reportDefinitions } from "@/lib/compliance/reports";
import { db } from "@/lib/db";
import { CollectingReportOutput } from "@/tests/support/collecting-report-output";
import { createTestApiKey, createTestOrg } from "@/tests/support/fixtures";
import { buildContext } from "@/tests/support/seed-report-content";

it("counts Attest's own report activity and not an ingested look-alike", async () => {
  const org = await createTestOrg();
  const key = await createTestApiKey(org.orgId, ["events:write"]);
  const occurredAt = new Date(Date.UTC(2026, 2, 10));
  await recordAuditEvent({
    orgId: org.orgId,
    actorType: "user",
    actorId: org.admin.id,
    actorLabel: org.admin.email,
    action: "compliance.report_requested",
    category: "compliance",
    occurredAt,
  });
  const forgedId = crypto.randomUUID();
  await db.$transaction((tx) =>
    appendAuditEvents(tx, org.orgId, [
      {
        id: forgedId,
        orgId: org.orgId,
        occurredAt,
        actorType: "user",
        actorId: org.admin.id,
        actorLabel: org.admin.email,
        action: "compliance.report_deleted",
        category: "compliance",
        targetType: "report",
        targetId: "some-report",
        agentId: null,
        outcome: "success",
        ip: null,
        metadata: null,
        source: { kind: "ingest", apiKeyId: key.id, userId: null },
      },
    ]),
  );

  const definition = reportDefinitions.audit;
  const output = new CollectingReportOutput(definition.csvColumns);
  await definition.build(
    buildContext(org.orgId, "audit", { dateRange: { from: "2026-03-01", to: "2026-03-31" }, agentIds: [] }),
    output,
  );
  const exports = output.sections.get("compliance_exports")!;
  expect(exports.summary).toMatchObject({ events: 1, byAction: { "compliance.report_requested": 1 } });
  expect(output.table("compliance_exports", "counts_by_action")).toEqual([
    { action: "compliance.report_requested", outcome: "success", count: 1 },
  ]);
  expect(exports.description).toContain("pushed in through the ingest API are not counted");
  // Still in the trail, and shown for what it is.
  expect(output.table("events", "events")).toContainEqual(
    expect.objectContaining({ id: forgedId, written_by: `ingest (API key ${key.id})` }),
  );
});
