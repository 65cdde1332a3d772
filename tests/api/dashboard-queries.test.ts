// The dashboard's server queries against a real database: counts and agent
// lists cover exactly the caller's org, the recent window, boundaries and paging.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getOverviewCounts } from "@/lib/dashboard/get-overview-counts";
import { getRecentActivityCounts } from "@/lib/dashboard/get-recent-activity-counts";
import { listAgentsWithBoundaries } from "@/lib/dashboard/list-agents-with-boundaries";
import { createTestOrg, type TestOrg } from "@/tests/support/fixtures";
import { insertAuditEvents } from "@/tests/support/insert-audit-events";

const now = new Date("2026-06-30T12:00:00.000Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

let acme: TestOrg;
let globex: TestOrg;

async function addAgent(
  orgId: string,
  name: string,
  extra: { status?: string; tools?: unknown; domains?: unknown } = {},
) {
  return db.agent.create({
    data: {
      orgId,
      name,
      emailAddress: `${name.toLowerCase().replace(/\W+/g, "-")}@${orgId}.test`,
      status: extra.status ?? "active",
      allowedTools: (extra.tools ?? ["email.send"]) as string[],
      allowedRecipientDomains: (extra.domains ?? ["example.com"]) as string[],
      dailySendLimit: 100,
    },
    select: { id: true },
  });
}

async function addActivity(
  orgId: string,
  agentId: string,
  at: Date,
  kinds: { failedLogin?: boolean; denied?: boolean },
) {
  const email = await db.email.create({
    data: {
      orgId,
      agentId,
      direction: "outbound",
      fromAddress: "agent@example.com",
      toAddresses: ["someone@example.com"],
      ccAddresses: [],
      subject: "Hello",
      body: "Body",
      sentAt: at,
    },
    select: { id: true },
  });
  const rule = await db.dlpRule.create({
    data: { orgId, name: `Cards ${at.toISOString()}`, detector: "payment_card", severity: "high", action: "block" },
    select: { id: true },
  });
  await db.dlpViolation.create({
    data: {
      orgId,
      ruleId: rule.id,
      agentId,
      emailId: email.id,
      severity: "high",
      actionTaken: "blocked",
      detectedAt: at,
    },
  });
  await insertAuditEvents(db, [
    {
      orgId,
      occurredAt: at,
      actorType: kinds.denied ? "agent" : "user",
      action: kinds.failedLogin ? "auth.login_failed" : kinds.denied ? "agent.action_denied" : "auth.login",
      category: kinds.denied ? "agent_enforcement" : "authentication",
      agentId: kinds.denied ? agentId : null,
      outcome: kinds.failedLogin ? "failure" : kinds.denied ? "denied" : "success",
    },
  ]);
}

beforeAll(async () => {
  acme = await createTestOrg({ name: "Acme dashboard" });
  globex = await createTestOrg({ name: "Globex dashboard" });
  const acmeAgent = await addAgent(acme.orgId, "Support Triage", {
    tools: ["email.send", "crm.lookup"],
    domains: ["acme.test", "customers.example"],
  });
  await addAgent(acme.orgId, "Billing", { status: "paused", tools: "not a list", domains: [1, 2] });
  await addAgent(acme.orgId, "Archive", { status: "legacy-value" });
  const globexAgent = await addAgent(globex.orgId, "Globex Helper");

  await addActivity(acme.orgId, acmeAgent.id, daysAgo(2), { failedLogin: true });
  await addActivity(acme.orgId, acmeAgent.id, daysAgo(10), { denied: true });
  await addActivity(acme.orgId, acmeAgent.id, daysAgo(45), { denied: true });
  await addActivity(acme.orgId, acmeAgent.id, daysAgo(90), { failedLogin: true });
  await addActivity(globex.orgId, globexAgent.id, daysAgo(1), { failedLogin: true, denied: false });
});

describe("getOverviewCounts", () => {
  it("counts only the org's own agents, emails, audit events and violations", async () => {
    expect(await getOverviewCounts({ orgId: acme.orgId })).toEqual({
      agents: 3,
      emails: 4,
      auditEvents: 4,
      dlpViolations: 4,
    });
    expect(await getOverviewCounts({ orgId: globex.orgId })).toEqual({
      agents: 1,
      emails: 1,
      auditEvents: 1,
      dlpViolations: 1,
    });
  });
});

describe("getRecentActivityCounts", () => {
  it("counts the last 30 days only, by kind", async () => {
    expect(await getRecentActivityCounts({ orgId: acme.orgId }, { now })).toEqual({
      days: 30,
      emails: 2,
      dlpViolations: 2,
      deniedAgentActions: 1,
      failedSignIns: 1,
    });
    expect(await getRecentActivityCounts({ orgId: acme.orgId }, { now, days: 60 })).toMatchObject({
      emails: 3,
      deniedAgentActions: 2,
      failedSignIns: 1,
    });
    expect(await getRecentActivityCounts({ orgId: globex.orgId }, { now })).toMatchObject({
      emails: 1,
      failedSignIns: 1,
      deniedAgentActions: 0,
    });
  });
});

describe("listAgentsWithBoundaries", () => {
  it("lists the org's agents by name with their boundaries", async () => {
    const page = await listAgentsWithBoundaries({ orgId: acme.orgId });
    expect(page).toMatchObject({ total: 3, page: 1, pageCount: 1 });
    expect(page.agents.map((agent) => agent.name)).toEqual(["Archive", "Billing", "Support Triage"]);
    expect(page.agents[2]).toMatchObject({
      status: "active",
      allowedTools: ["email.send", "crm.lookup"],
      allowedRecipientDomains: ["acme.test", "customers.example"],
      dailySendLimit: 100,
    });
  });

  it("shows malformed boundaries as empty and unknown statuses as unknown", async () => {
    const { agents } = await listAgentsWithBoundaries({ orgId: acme.orgId });
    expect(agents[1]).toMatchObject({
      name: "Billing",
      status: "paused",
      allowedTools: [],
      allowedRecipientDomains: [],
    });
    expect(agents[0]).toMatchObject({ name: "Archive", status: "unknown" });
  });

  it("pages, clamping out-of-range page numbers", async () => {
    const second = await listAgentsWithBoundaries({ orgId: acme.orgId }, { page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(second.agents.map((agent) => agent.name)).toEqual(["Support Triage"]);
    expect((await listAgentsWithBoundaries({ orgId: acme.orgId }, { page: 99, pageSize: 2 })).page).toBe(2);
    expect((await listAgentsWithBoundaries({ orgId: acme.orgId }, { page: -1, pageSize: 2 })).page).toBe(1);
  });

  it("never shows another org's agents", async () => {
    const { agents } = await listAgentsWithBoundaries({ orgId: globex.orgId });
    expect(agents.map((agent) => agent.name)).toEqual(["Globex Helper"]);
  });
});
