import { describe, expect, it } from "vitest";
import { detectPersonalData } from "@/lib/compliance/pii/detect-personal-data";
import { summarizePersonalData } from "@/lib/compliance/pii/summarize-personal-data";
import { createPersonalDataTally } from "@/lib/compliance/reports/gdpr/create-personal-data-tally";
import { reportDefinitions } from "@/lib/compliance/reports";
import type { AgentDirectory } from "@/lib/compliance/reports/load-agent-directory";
import type { AuditEventRecord } from "@/lib/compliance/reports/sources/audit-event-population";
import { toAuditEventRow } from "@/lib/compliance/reports/to-audit-event-row";

const agents: AgentDirectory = {
  nameOf: (id) => (id === "agent-1" ? "Support Bot" : null),
  orgDomains: new Set(["acme.test"]),
};

function event(overrides: Partial<AuditEventRecord>): AuditEventRecord {
  return {
    id: "ev-1",
    occurredAt: "2026-01-02T03:04:05.006Z",
    actorType: "user",
    actorId: "user-1",
    actorLabel: "admin@acme.test",
    action: "agent.config_changed",
    category: "agent_config",
    targetType: "agent",
    targetId: "agent-1",
    agentId: "agent-1",
    outcome: "success",
    ip: "198.51.100.7",
    metadata: null,
    seq: 1,
    source: "attest",
    sourceApiKeyId: null,
    sourceUserId: null,
    ...overrides,
  };
}

describe("toAuditEventRow", () => {
  it("states who wrote the event: Attest, or ingest and the key or user that sent it", () => {
    expect(toAuditEventRow(event({}), agents).written_by).toBe("attest");
    expect(toAuditEventRow(event({ source: "ingest", sourceApiKeyId: "key-9" }), agents).written_by).toBe(
      "ingest (API key key-9)",
    );
    expect(toAuditEventRow(event({ source: "ingest", sourceUserId: "user-3" }), agents).written_by).toBe(
      "ingest (user user-3)",
    );
    expect(toAuditEventRow(event({ seq: 42 }), agents).seq).toBe(42);
  });

  it("gives a change's before and after their own columns and keeps the rest as details", () => {
    const row = toAuditEventRow(
      event({ metadata: { before: { dailySendLimit: 100 }, after: { dailySendLimit: 200 }, ticket: "CHG-1" } }),
      agents,
    );
    expect(row).toMatchObject({
      occurred_at: "2026-01-02T03:04:05.006Z",
      agent_name: "Support Bot",
      before: { dailySendLimit: 100 },
      after: { dailySendLimit: 200 },
      details: { ticket: "CHG-1" },
    });
  });

  it("reads a role change's from/to as before/after", () => {
    const row = toAuditEventRow(
      event({ action: "user.role_changed", agentId: null, metadata: { from: "member", to: "admin" } }),
      agents,
    );
    expect(row).toMatchObject({ before: "member", after: "admin", details: null, agent_name: null });
  });

  it("leaves metadata without a change in details", () => {
    const row = toAuditEventRow(event({ metadata: { reason: "tool_not_allowed", tool: "shell" } }), agents);
    expect(row).toMatchObject({ before: null, after: null, details: { reason: "tool_not_allowed", tool: "shell" } });
  });

  it("uses only declared CSV columns in every report that lists audit events", () => {
    const keys = Object.keys(toAuditEventRow(event({}), agents));
    for (const type of ["soc2", "audit"] as const) {
      for (const key of keys) expect(reportDefinitions[type].csvColumns).toContain(key);
    }
  });
});

describe("report csvColumns", () => {
  it("are unique and never repeat the engine's fixed columns", () => {
    for (const definition of Object.values(reportDefinitions)) {
      expect(new Set(definition.csvColumns).size).toBe(definition.csvColumns.length);
      expect(definition.csvColumns).not.toContain("section");
      expect(definition.csvColumns).not.toContain("table");
    }
  });
});

describe("createPersonalDataTally", () => {
  const scan = (text: string) => summarizePersonalData(detectPersonalData(text));

  it("totals categories over emails and counts external domains of outbound emails only", () => {
    const tally = createPersonalDataTally(new Set(["acme.test"]));
    tally.add(
      { direction: "outbound", toAddresses: ["a@gmail.com", "b@GMAIL.com"], ccAddresses: ["c@acme.test"] },
      scan("SSN 123-45-6789"),
    );
    tally.add(
      { direction: "outbound", toAddresses: ["a@gmail.com"], ccAddresses: [] },
      scan("card 4242 4242 4242 4242 and 234-56-7890"),
    );
    tally.add(
      { direction: "inbound", toAddresses: ["support@acme.test"], ccAddresses: ["x@elsewhere.test"] },
      scan("SSN 345-67-8901"),
    );
    tally.add({ direction: "outbound", toAddresses: ["z@nopii.test"], ccAddresses: [] }, scan("hello"));

    expect(tally.summary()).toEqual({ emailsScanned: 4, emailsWithPersonalData: 3, detections: 4, externalDomains: 1 });
    const categories = Object.fromEntries(tally.categoryRows().map((row) => [row.category, row]));
    expect(categories.us_ssn).toEqual({
      category: "us_ssn",
      email_count: 3,
      occurrence_count: 3,
      samples: ["•••-••-6789", "•••-••-7890", "•••-••-8901"],
    });
    expect(categories.phone).toMatchObject({ email_count: 0, occurrence_count: 0, samples: [] });
    expect(tally.domainRows()).toEqual([
      { recipient_domain: "gmail.com", email_count: 2, recipient_count: 2, categories: ["payment_card", "us_ssn"] },
    ]);
  });
});
