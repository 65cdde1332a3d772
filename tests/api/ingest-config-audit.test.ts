// Configuration pushed through the ingest API is audited like a change made in
// Attest: one event per record created or changed, with only the changed
// fields before and after, written by ingest (the API key) and appended to the
// org's chain in the same transaction. A record sent unchanged writes nothing.
// The events reach the Audit Summary's and the SOC2 Summary's sections.
import { beforeEach, describe, expect, it } from "vitest";
import { POST as postAgents } from "@/app/api/engine/ingest/agents/route";
import { POST as postDlpRules } from "@/app/api/engine/ingest/dlp-rules/route";
import { POST as postActivities } from "@/app/api/engine/ingest/processing-activities/route";
import { POST as postSecrets } from "@/app/api/engine/ingest/vault-secrets/route";
import { verifyStoredAuditChain } from "@/lib/audit/verify-stored-audit-chain";
import { reportDefinitions } from "@/lib/compliance/reports";
import { db } from "@/lib/db";
import { CollectingReportOutput } from "@/tests/support/collecting-report-output";
import { createTestApiKey, createTestOrg, type TestApiKey, type TestOrg } from "@/tests/support/fixtures";
import { buildContext } from "@/tests/support/seed-report-content";

process.env.ATTEST_INGEST_RATE_LIMIT = "1000";

type Route = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

let org: TestOrg;
let key: TestApiKey;

beforeEach(async () => {
  org = await createTestOrg();
  key = await createTestApiKey(org.orgId, ["events:write"]);
});

async function push(route: Route, path: string, records: unknown[]): Promise<{ id: string }[]> {
  const response = await route(
    new Request(`http://localhost/api/engine/ingest/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key.key}` },
      body: JSON.stringify({ records }),
    }),
    { params: Promise.resolve({}) },
  );
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return ((await response.json()) as { records: { id: string }[] }).records;
}

const events = () =>
  db.auditEvent.findMany({
    where: { orgId: org.orgId },
    orderBy: { seq: "asc" },
    select: {
      seq: true,
      action: true,
      category: true,
      targetType: true,
      targetId: true,
      agentId: true,
      actorType: true,
      actorId: true,
      metadata: true,
      source: true,
      sourceApiKeyId: true,
    },
  });

const agent = (overrides: Record<string, unknown> = {}) => ({
  name: "Support Triage",
  emailAddress: "triage@acme.example",
  allowedTools: ["email.read", "email.send"],
  allowedRecipientDomains: ["customer.example"],
  dailySendLimit: 500,
  ...overrides,
});

const today = new Date().toISOString().slice(0, 10);

async function build(type: "audit" | "soc2") {
  const definition = reportDefinitions[type];
  const output = new CollectingReportOutput(definition.csvColumns);
  await definition.build(
    buildContext(org.orgId, type, { dateRange: { from: today, to: today }, agentIds: [] }),
    output,
  );
  return output;
}

describe("agents pushed by ingest", () => {
  it("audit a creation, a boundary change (changed fields only) and nothing for an unchanged re-push", async () => {
    const [created] = await push(postAgents, "agents", [agent()]);
    const id = created!.id;
    await push(postAgents, "agents", [agent({ allowedTools: ["email.read"], dailySendLimit: 50 })]);
    await push(postAgents, "agents", [agent({ allowedTools: ["email.read"], dailySendLimit: 50 })]);

    const written = await events();
    expect(written.map((event) => event.action)).toEqual(["agent.created", "agent.config_changed"]);
    const provenance = {
      category: "agent_config",
      targetType: "agent",
      targetId: id,
      agentId: id,
      actorType: "api_key",
      actorId: key.id,
      source: "ingest",
      sourceApiKeyId: key.id,
    };
    expect(written[0]).toMatchObject({
      ...provenance,
      metadata: { before: null, after: expect.objectContaining({ dailySendLimit: 500, status: "active" }) },
    });
    expect(written[1]).toMatchObject({
      ...provenance,
      metadata: {
        before: { allowedTools: ["email.read", "email.send"], dailySendLimit: 500 },
        after: { allowedTools: ["email.read"], dailySendLimit: 50 },
      },
    });
    expect(await verifyStoredAuditChain(db, org.orgId)).toMatchObject({ status: "verified", count: 2 });

    // The Audit Summary's agent configuration section and its events, with before/after columns.
    const audit = await build("audit");
    expect(audit.sections.get("agent_configuration")!.summary).toMatchObject({
      events: 2,
      byAction: { "agent.created": 1, "agent.config_changed": 1 },
    });
    expect(audit.table("events", "events")).toContainEqual(
      expect.objectContaining({
        action: "agent.config_changed",
        agent_id: id,
        before: { allowedTools: ["email.read", "email.send"], dailySendLimit: 500 },
        after: { allowedTools: ["email.read"], dailySendLimit: 50 },
        written_by: `ingest (API key ${key.id})`,
      }),
    );
    // The SOC2 agent boundaries section reads the same events.
    const soc2 = await build("soc2");
    expect(soc2.table("agent_boundaries", "changes_by_agent")).toContainEqual(
      expect.objectContaining({ agent_id: id, action: "agent.config_changed", count: 1 }),
    );
    expect(soc2.table("agent_boundaries", "events").map((row) => row.action)).toEqual([
      "agent.created",
      "agent.config_changed",
    ]);
    expect(soc2.sections.get("audit_trail_integrity")!.summary).toMatchObject({ integrity: "verified" });
  });
});

describe("other configuration pushed by ingest", () => {
  it("DLP rules, vault secrets and processing activities: one event per change, none for a no-op", async () => {
    const rule = { id: "rule-1", name: "Cards", detector: "payment_card", severity: "high", action: "block" };
    const [ruleRow] = await push(postDlpRules, "dlp-rules", [rule]);
    await push(postDlpRules, "dlp-rules", [{ ...rule, severity: "critical" }]);
    await push(postDlpRules, "dlp-rules", [{ ...rule, severity: "critical" }]);

    const secret = { name: "smtp", kind: "smtp_credential" };
    const [secretRow] = await push(postSecrets, "vault-secrets", [secret]);
    await push(postSecrets, "vault-secrets", [{ ...secret, lastRotatedAt: "2026-03-01T00:00:00.000Z" }]);
    await push(postSecrets, "vault-secrets", [secret]); // lastRotatedAt left out: kept, no change

    const activity = {
      id: "pa-1",
      name: "Support",
      purpose: "Answer customers",
      legalBasis: "contract",
      dataCategories: ["contact details"],
      subjectCategories: ["customers"],
      recipients: [],
      retention: "3 years",
      thirdCountryTransfers: [],
    };
    const [activityRow] = await push(postActivities, "processing-activities", [activity]);
    await push(postActivities, "processing-activities", [{ ...activity, retention: "1 year" }]);
    await push(postActivities, "processing-activities", [{ ...activity, retention: "1 year" }]);

    const written = await events();
    expect(written.map((event) => [event.action, event.category, event.targetId])).toEqual([
      ["dlp.rule_created", "dlp", ruleRow!.id],
      ["dlp.rule_updated", "dlp", ruleRow!.id],
      ["secret.created", "secrets", secretRow!.id],
      ["secret.updated", "secrets", secretRow!.id],
      ["processing_activity.created", "system_config", activityRow!.id],
      ["processing_activity.updated", "system_config", activityRow!.id],
    ]);
    expect(written[1]!.metadata).toEqual({ before: { severity: "high" }, after: { severity: "critical" } });
    expect(written[3]!.metadata).toEqual({
      before: { lastRotatedAt: null },
      after: { lastRotatedAt: "2026-03-01T00:00:00.000Z" },
    });
    expect(written[5]!.metadata).toEqual({ before: { retention: "3 years" }, after: { retention: "1 year" } });
    expect(written.every((event) => event.source === "ingest" && event.sourceApiKeyId === key.id)).toBe(true);
    expect(await verifyStoredAuditChain(db, org.orgId)).toMatchObject({ status: "verified", count: 6 });

    const audit = await build("audit");
    expect(audit.sections.get("dlp_rule_changes")!.summary).toMatchObject({
      byAction: { "dlp.rule_created": 1, "dlp.rule_updated": 1 },
    });
    expect(audit.sections.get("secret_access")!.summary).toMatchObject({
      byAction: { "secret.created": 1, "secret.updated": 1 },
    });
    expect(audit.sections.get("system_configuration")!.summary).toMatchObject({
      byAction: { "processing_activity.created": 1, "processing_activity.updated": 1 },
    });
  });
});
