// Known records for report content tests: two orgs (the second must never
// show up), two agents in the first, and rows of every source inside, at the
// edges of and outside the period March 2026. Ids are readable so a failing
// assertion says which record went where.
import type { ReportType } from "@/lib/compliance/reports/registry";
import type { ReportScope } from "@/lib/compliance/reports/report-definition";
import type { BuildContext } from "@/lib/compliance/reports/report-definition";
import { db } from "@/lib/db";
import { createTestOrg, uniqueSuffix, type TestOrg } from "./fixtures";
import { insertAuditEvents } from "@/tests/support/insert-audit-events";

export const period = { from: "2026-03-01", to: "2026-03-31" };
export const periodStart = new Date("2026-03-01T00:00:00.000Z");
export const periodEnd = new Date("2026-04-01T00:00:00.000Z");
const inPeriod = (day: number, hour = 12) => new Date(Date.UTC(2026, 2, day, hour));
const lastInstant = new Date("2026-03-31T23:59:59.999Z");
const justAfter = periodEnd;
const justBefore = new Date("2026-02-28T23:59:59.999Z");

export const rawCard = "4111 1111 1111 1111";
export const rawSsn = "123-45-6789";
export const rawIban = "DE89 3704 0044 0532 0130 00";

export type SeededContent = Awaited<ReturnType<typeof seedReportContent>>;

export async function seedReportContent() {
  const s = uniqueSuffix();
  const id = (name: string) => `${name}-${s}`;
  const acme = await createTestOrg({ name: `Content Acme ${s}` });
  const other = await createTestOrg({ name: `Content Other ${s}` });
  const domain = `acme-${s}.test`;
  const admin = acme.admin;

  const agent = (org: TestOrg, key: string, email: string) => ({
    id: id(key),
    orgId: org.orgId,
    name: `Agent ${key}`,
    emailAddress: email,
    allowedTools: ["email.send", "crm.lookup"],
    allowedRecipientDomains: [domain, "partner.test"],
    dailySendLimit: 200,
    createdAt: new Date("2025-01-01T00:00:00.000Z"),
  });
  await db.agent.createMany({
    data: [
      agent(acme, "a1", `support@${domain}`),
      agent(acme, "a2", `sales@${domain}`),
      agent(other, "b1", `bot@other-${s}.test`),
    ],
  });
  const a1 = id("a1");
  const a2 = id("a2");
  const b1 = id("b1");

  type Event = {
    key: string;
    orgId?: string;
    at: Date;
    action: string;
    category: string;
    agentId?: string | null;
    actorType?: string;
    actorLabel?: string;
    outcome?: string;
    targetType?: string;
    targetId?: string;
    metadata?: Record<string, unknown>;
  };
  const events: Event[] = [
    { key: "ev-login", at: inPeriod(2), action: "auth.login", category: "authentication" },
    {
      key: "ev-login-fail-1",
      at: inPeriod(3),
      action: "auth.login_failed",
      category: "authentication",
      outcome: "failure",
    },
    {
      key: "ev-login-fail-2",
      at: inPeriod(3, 13),
      action: "auth.login_failed",
      category: "authentication",
      outcome: "failure",
    },
    { key: "ev-login-last", at: lastInstant, action: "auth.login", category: "authentication" },
    { key: "ev-login-after", at: justAfter, action: "auth.login", category: "authentication" },
    { key: "ev-login-before", at: justBefore, action: "auth.login", category: "authentication" },
    { key: "ev-user-created", at: inPeriod(4), action: "user.created", category: "user_admin", targetType: "user" },
    {
      key: "ev-role",
      at: inPeriod(5),
      action: "user.role_changed",
      category: "user_admin",
      targetType: "user",
      metadata: { from: "member", to: "auditor" },
    },
    { key: "ev-user-removed", at: inPeriod(6), action: "user.removed", category: "user_admin", targetType: "user" },
    {
      key: "ev-a1-config",
      at: inPeriod(7),
      action: "agent.config_changed",
      category: "agent_config",
      agentId: a1,
      targetType: "agent",
      targetId: a1,
      metadata: { before: { dailySendLimit: 100 }, after: { dailySendLimit: 200 } },
    },
    {
      key: "ev-a2-config",
      at: inPeriod(7, 14),
      action: "agent.config_changed",
      category: "agent_config",
      agentId: a2,
      targetType: "agent",
      targetId: a2,
      metadata: { before: { status: "paused" }, after: { status: "active" } },
    },
    ...[1, 2].map((n) => ({
      key: `ev-a1-denied-tool-${n}`,
      at: inPeriod(8, 10 + n),
      action: "agent.action_denied",
      category: "agent_enforcement",
      agentId: a1,
      actorType: "agent",
      outcome: "denied",
      metadata: { reason: "tool_not_allowed", tool: "shell.exec" },
    })),
    // At the first instant of the period (in) and the first instant after it (out).
    ...(
      [
        ["ev-a1-denied-start", periodStart, "tool_not_allowed"],
        ["ev-a1-denied-after", justAfter, "outside_period"],
      ] as const
    ).map(([key, at, reason]) => ({
      key,
      at,
      action: "agent.action_denied",
      category: "agent_enforcement",
      agentId: a1,
      actorType: "agent",
      outcome: "denied",
      metadata: { reason, tool: "shell.exec" },
    })),
    {
      key: "ev-a1-denied-recipient",
      at: inPeriod(9),
      action: "agent.action_denied",
      category: "agent_enforcement",
      agentId: a1,
      actorType: "agent",
      outcome: "denied",
      metadata: { reason: "recipient_domain_not_allowed", recipient: "x@evil.test" },
    },
    {
      key: "ev-a2-denied",
      at: inPeriod(9, 15),
      action: "agent.action_denied",
      category: "agent_enforcement",
      agentId: a2,
      actorType: "agent",
      outcome: "denied",
      metadata: { reason: "daily_send_limit" },
    },
    {
      key: "ev-a1-secret-read",
      at: inPeriod(10),
      action: "secret.read",
      category: "secrets",
      agentId: a1,
      actorType: "agent",
      targetType: "secret",
      targetId: id("s1"),
    },
    {
      key: "ev-a2-secret-read",
      at: inPeriod(10, 13),
      action: "secret.read",
      category: "secrets",
      agentId: a2,
      actorType: "agent",
      targetType: "secret",
      targetId: id("s3"),
    },
    {
      key: "ev-secret-rotated",
      at: inPeriod(15),
      action: "secret.rotated",
      category: "secrets",
      targetType: "secret",
      targetId: id("s2"),
    },
    {
      key: "ev-dlp-created",
      at: inPeriod(11),
      action: "dlp.rule_created",
      category: "dlp",
      targetType: "dlp_rule",
      targetId: id("r1"),
    },
    {
      key: "ev-system",
      at: inPeriod(12),
      action: "system.config_changed",
      category: "system_config",
      targetType: "setting",
      targetId: "session_timeout",
      metadata: { setting: "session_timeout", before: "8h", after: "1h" },
    },
    {
      key: "ev-api-key",
      at: inPeriod(13),
      action: "api_key.created",
      category: "authentication",
      targetType: "api_key",
    },
    {
      key: "ev-report",
      at: inPeriod(14),
      action: "compliance.report_requested",
      category: "compliance",
      targetType: "report",
    },
    // The other org: same kinds of events, never to be seen.
    { key: "ev-other-login", orgId: other.orgId, at: inPeriod(2), action: "auth.login", category: "authentication" },
    {
      key: "ev-other-config",
      orgId: other.orgId,
      at: inPeriod(7),
      action: "agent.config_changed",
      category: "agent_config",
      agentId: b1,
    },
    {
      key: "ev-other-denied",
      orgId: other.orgId,
      at: inPeriod(8),
      action: "agent.action_denied",
      category: "agent_enforcement",
      agentId: b1,
      metadata: { reason: "tool_not_allowed" },
    },
  ];
  await insertAuditEvents(
    db,
    events.map((event) => ({
      id: id(event.key),
      orgId: event.orgId ?? acme.orgId,
      occurredAt: event.at,
      actorType: event.actorType ?? "user",
      actorId: event.actorType === "agent" ? event.agentId : admin.id,
      actorLabel: event.actorType === "agent" ? `Agent ${event.agentId}` : admin.email,
      action: event.action,
      category: event.category,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      agentId: event.agentId ?? null,
      outcome: event.outcome ?? "success",
      ip: "198.51.100.7",
      metadata: event.metadata ?? null,
    })),
  );

  await db.dlpRule.createMany({
    data: [
      {
        id: id("r1"),
        orgId: acme.orgId,
        name: "Block cards",
        detector: "payment_card",
        severity: "high",
        action: "block",
      },
      {
        id: id("r2"),
        orgId: acme.orgId,
        name: "Watch addresses",
        detector: "email_address",
        severity: "low",
        action: "alert",
      },
      { id: id("rb"), orgId: other.orgId, name: "Other rule", detector: "iban", severity: "medium", action: "redact" },
    ],
  });
  await db.dlpViolation.createMany({
    data: [
      // The raw card in a stored excerpt must still come out masked.
      {
        id: id("v-a1"),
        orgId: acme.orgId,
        ruleId: id("r1"),
        agentId: a1,
        severity: "high",
        actionTaken: "blocked",
        excerpt: `card ${rawCard}`,
        detectedAt: inPeriod(16),
      },
      {
        id: id("v-a1-late"),
        orgId: acme.orgId,
        ruleId: id("r1"),
        agentId: a1,
        severity: "high",
        actionTaken: "blocked",
        detectedAt: justAfter,
      },
      {
        id: id("v-a2"),
        orgId: acme.orgId,
        ruleId: id("r2"),
        agentId: a2,
        severity: "low",
        actionTaken: "alerted",
        detectedAt: inPeriod(16, 14),
      },
      {
        id: id("v-b1"),
        orgId: other.orgId,
        ruleId: id("rb"),
        agentId: b1,
        severity: "medium",
        actionTaken: "redacted",
        detectedAt: inPeriod(16),
      },
    ],
  });

  const longAgo = new Date("2025-01-01T00:00:00.000Z");
  await db.vaultSecret.createMany({
    data: [
      // s1: a1's, last rotated long before the period end: overdue.
      {
        id: id("s1"),
        orgId: acme.orgId,
        name: `a1-smtp-${s}`,
        kind: "smtp_credential",
        agentId: a1,
        createdAt: longAgo,
        lastRotatedAt: new Date("2025-06-01T00:00:00.000Z"),
      },
      // s2: org-wide, rotated during the period: not overdue.
      { id: id("s2"), orgId: acme.orgId, name: `org-key-${s}`, kind: "api_key", agentId: null, createdAt: longAgo },
      // s3: a2's and overdue, but outside an a1 filter.
      { id: id("s3"), orgId: acme.orgId, name: `a2-token-${s}`, kind: "oauth_token", agentId: a2, createdAt: longAgo },
      { id: id("sb"), orgId: other.orgId, name: `other-${s}`, kind: "password", agentId: b1, createdAt: longAgo },
    ],
  });
  await db.vaultAccess.createMany({
    data: [
      {
        id: id("va-a1-read"),
        orgId: acme.orgId,
        secretId: id("s1"),
        action: "read",
        actorType: "agent",
        actorId: a1,
        actorLabel: "Agent a1",
        agentId: a1,
        outcome: "success",
        occurredAt: inPeriod(10),
      },
      {
        id: id("va-rotate"),
        orgId: acme.orgId,
        secretId: id("s2"),
        action: "rotate",
        actorType: "user",
        actorId: admin.id,
        actorLabel: admin.email,
        agentId: null,
        outcome: "success",
        occurredAt: inPeriod(15),
      },
      {
        id: id("va-a2-read"),
        orgId: acme.orgId,
        secretId: id("s3"),
        action: "read",
        actorType: "agent",
        actorId: a2,
        actorLabel: "Agent a2",
        agentId: a2,
        outcome: "success",
        occurredAt: inPeriod(10, 13),
      },
      {
        id: id("va-b1-read"),
        orgId: other.orgId,
        secretId: id("sb"),
        action: "read",
        actorType: "agent",
        actorId: b1,
        actorLabel: "Agent b1",
        agentId: b1,
        outcome: "success",
        occurredAt: inPeriod(10),
      },
    ],
  });

  const email = (
    key: string,
    orgId: string,
    agentId: string,
    direction: string,
    from: string,
    to: string[],
    cc: string[],
    body: string,
    sentAt: Date,
  ) => ({
    id: id(key),
    orgId,
    agentId,
    direction,
    messageId: `<${key}-${s}@mail.test>`,
    fromAddress: from,
    toAddresses: to,
    ccAddresses: cc,
    subject: `Subject ${key}`,
    body,
    sentAt,
  });
  await db.email.createMany({
    data: [
      email(
        "e1-pii-out",
        acme.orgId,
        a1,
        "outbound",
        `support@${domain}`,
        ["Customer@Gmail.com"],
        [`sales@${domain}`],
        `Card ${rawCard}, SSN ${rawSsn}, IBAN ${rawIban}, call +44 20 7946 0958, write jane@example.org, from 203.0.113.9.`,
        inPeriod(1),
      ),
      email(
        "e2-pii-in",
        acme.orgId,
        a1,
        "inbound",
        "vendor@vendor.test",
        [`support@${domain}`],
        ["other@inbound-cc.test"],
        "Reach me on +1 415 555 2671.",
        new Date("2024-05-01T08:00:00.000Z"),
      ),
      email(
        "e3-plain-out",
        acme.orgId,
        a1,
        "outbound",
        `support@${domain}`,
        ["friend@partner.test"],
        [],
        "No personal data here, just a friendly note.",
        inPeriod(20),
      ),
      email(
        "e4-internal",
        acme.orgId,
        a1,
        "outbound",
        `support@${domain}`,
        [`sales@${domain}`],
        [],
        `Internal: SSN ${rawSsn}`,
        inPeriod(21),
      ),
      email(
        "e5-a2",
        acme.orgId,
        a2,
        "outbound",
        `sales@${domain}`,
        ["buyer@a2-only.test"],
        [],
        `Card ${rawCard}`,
        inPeriod(1),
      ),
      email(
        "eb-other",
        other.orgId,
        b1,
        "outbound",
        `bot@other-${s}.test`,
        ["x@other-recipient.test"],
        [],
        `Card ${rawCard}`,
        inPeriod(1),
      ),
    ],
  });

  const activity = (key: string, orgId: string, agentId: string | null) => ({
    id: id(key),
    orgId,
    agentId,
    name: `Activity ${key}`,
    purpose: "Customer support",
    legalBasis: "contract",
    dataCategories: ["contact details"],
    subjectCategories: ["customers"],
    recipients: ["CRM vendor"],
    retention: "2 years",
    thirdCountryTransfers: [{ country: "US", safeguard: "SCCs" }],
  });
  await db.processingActivity.createMany({
    data: [
      { ...activity("pa-org", acme.orgId, null), dataSource: "Public company registers" },
      {
        ...activity("pa-a1", acme.orgId, a1),
        automatedDecisionMaking: true,
        automatedDecisionLogic: "Refund requests under 50 EUR are approved or refused by a scoring rule",
      },
      activity("pa-a2", acme.orgId, a2),
      activity("pa-b1", other.orgId, b1),
    ],
  });
  const sharing = (key: string, orgId: string, agentId: string | null) => ({
    id: id(key),
    orgId,
    agentId,
    recipientName: `Recipient ${key}`,
    recipientDomain: "crm.example",
    recipientCountry: "US",
    purpose: "CRM sync",
    legalBasis: "legitimate_interests",
    dataCategories: ["contact details"],
    transferMechanism: "SCCs",
    recordCount: 10,
    sharedAt: inPeriod(3),
  });
  await db.dataSharingRecord.createMany({
    data: [
      sharing("sh-org", acme.orgId, null),
      sharing("sh-a1", acme.orgId, a1),
      sharing("sh-a2", acme.orgId, a2),
      sharing("sh-b1", other.orgId, b1),
    ],
  });

  return { id, acme, other, domain, a1, a2, b1, suffix: s };
}

/** A BuildContext for running a builder directly, as the engine would. */
export function buildContext(orgId: string, type: ReportType, scope: ReportScope): BuildContext {
  return {
    db,
    report: { id: `test-report-${uniqueSuffix()}`, orgId, type, title: `Test ${type}`, scope },
    checkpoint: () => undefined,
  };
}
