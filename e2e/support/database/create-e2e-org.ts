// A fresh organization for one browser test: an admin, an auditor and a member
// (who sign in with e2ePassword), four agents and four weeks of activity up to
// yesterday (sign-ins, emails carrying personal data, DLP violations, vault
// accesses, configuration changes), so every report type and chart has content.
// Written through Prisma into the run's database, whichever provider it is
// (runs in the database thread, see database-thread.ts).
import { randomBytes, randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { recordAuditEvent, type AuditEventInput } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db";
import {
  e2eAgentNames,
  e2ePassword,
  type CreateE2eOrgOptions,
  type E2eAgent,
  type E2eAgentName,
  type E2eOrg,
  type E2eRole,
  type E2eUser,
} from "../e2e-org";

const activityDays = 28;
const dayMs = 24 * 60 * 60 * 1000;

// The lowest bcrypt cost: every test makes users, and nothing here needs strength.
let passwordHash: Promise<string> | undefined;
function getPasswordHash(): Promise<string> {
  passwordHash ??= bcrypt.hash(e2ePassword, 4);
  return passwordHash;
}

export async function createE2eOrg(db: Database, options: CreateE2eOrgOptions = {}): Promise<E2eOrg> {
  const suffix = randomBytes(5).toString("hex");
  const name = options.name ?? "Acme Robotics";
  const word =
    name
      .split(/\s+/)[0]!
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "") || "org";
  const domain = `${word}.test`;
  const org = await db.organization.create({
    data: { slug: `e2e-${word}-${suffix}`, name },
    select: { id: true, slug: true, name: true },
  });
  const [admin, auditor, member] = await Promise.all(
    (["admin", "auditor", "member"] as const).map((role) => createE2eUser(db, { orgId: org.id, role, domain })),
  );
  const agents = await createAgents(db, org.id, domain);
  const e2eOrg: E2eOrg = { ...org, domain, admin: admin!, auditor: auditor!, member: member!, agents };
  await writeActivity(db, e2eOrg);
  return e2eOrg;
}

/** A user with `role` in `orgId`; the email is unique across runs (users are global, orgs are not). */
export async function createE2eUser(
  db: Database,
  input: { orgId: string; role: E2eRole; domain?: string },
): Promise<E2eUser> {
  const email = `${input.role}-${randomBytes(5).toString("hex")}@${input.domain ?? "e2e.test"}`;
  const name = `E2E ${input.role[0]!.toUpperCase()}${input.role.slice(1)}`;
  const user = await db.user.create({
    data: {
      email,
      name,
      passwordHash: await getPasswordHash(),
      memberships: { create: { orgId: input.orgId, role: input.role } },
    },
    select: { id: true, email: true, name: true },
  });
  return { ...user, role: input.role, orgId: input.orgId, password: e2ePassword };
}

/** Gives an existing user a role in another org too (for switching organizations). */
export async function addMembership(db: Database, userId: string, orgId: string, role: E2eRole): Promise<void> {
  await db.membership.create({ data: { orgId, userId, role }, select: { id: true } });
}

/** Removes the org with everything in it (the schema cascades) and its users. */
export async function deleteE2eOrg(db: Database, org: E2eOrg): Promise<void> {
  await db.organization.deleteMany({ where: { id: org.id } });
  await db.user.deleteMany({ where: { id: { in: [org.admin.id, org.auditor.id, org.member.id] } } });
}

async function createAgents(db: Database, orgId: string, domain: string): Promise<Record<E2eAgentName, E2eAgent>> {
  const local = (agentName: string) => agentName.toLowerCase().replace(/\s+/g, "-");
  const agents = e2eAgentNames.map((agentName) => ({
    id: `e2e_agent_${randomUUID()}`,
    name: agentName,
    emailAddress: `${local(agentName)}@${domain}`,
  }));
  await db.agent.createMany({
    data: agents.map((agent) => ({
      ...agent,
      orgId,
      description: `${agent.name} (browser-test fixture)`,
      allowedTools: ["email.send", "crm.lookup"],
      allowedRecipientDomains: [domain, "example.com"],
      dailySendLimit: 200,
      createdAt: new Date(Date.now() - (activityDays + 30) * dayMs),
    })),
  });
  return Object.fromEntries(agents.map((agent) => [agent.name, agent])) as Record<E2eAgentName, E2eAgent>;
}

/** `daysAgo` whole UTC days before today, at `hour` UTC. */
function atDay(daysAgo: number, hour: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, hour));
}

// Values the engine's detectors recognise (valid Luhn, IBAN check digits, SSN ranges).
const personalData = [
  { detector: "payment_card", text: "card 4111 1111 1111 1111", excerpt: "4111 **** **** 1111" },
  { detector: "email_address", text: "write to jane.doe@example.com", excerpt: "j***@example.com" },
  { detector: "iban", text: "IBAN DE89 3704 0044 0532 0130 00", excerpt: "DE89 **** **** **** **** 00" },
  { detector: "phone", text: "call +1 415 555 0134", excerpt: "+1 *** *** 0134" },
  { detector: "us_ssn", text: "SSN 123-45-6789", excerpt: "***-**-6789" },
] as const;

const dlpRules = [
  { detector: "payment_card", name: "Block payment cards", severity: "high", action: "block", taken: "blocked" },
  { detector: "email_address", name: "Alert on personal email", severity: "low", action: "alert", taken: "alerted" },
  {
    detector: "iban",
    name: "Quarantine bank details",
    severity: "critical",
    action: "quarantine",
    taken: "quarantined",
  },
] as const;

async function writeActivity(db: Database, org: E2eOrg): Promise<void> {
  const agents = Object.values(org.agents);
  const rules = dlpRules.map((rule) => ({ ...rule, id: `e2e_rule_${randomUUID()}` }));
  await db.dlpRule.createMany({
    data: rules.map((rule) => ({
      id: rule.id,
      orgId: org.id,
      name: rule.name,
      detector: rule.detector,
      severity: rule.severity,
      action: rule.action,
      createdAt: atDay(activityDays + 5, 9),
    })),
  });

  const emails = [];
  const violations = [];
  for (let day = activityDays; day >= 1; day--) {
    for (const [index, agent] of agents.entries()) {
      const pii = (day + index) % 3 === 0 ? personalData[(day + index) % personalData.length]! : null;
      const outbound = (day + index) % 4 !== 0;
      const customer = `customer${day}@example.com`;
      const email = {
        id: `e2e_email_${randomUUID()}`,
        orgId: org.id,
        agentId: agent.id,
        direction: outbound ? "outbound" : "inbound",
        fromAddress: outbound ? agent.emailAddress : customer,
        toAddresses: [outbound ? customer : agent.emailAddress],
        ccAddresses: [],
        subject: `${agent.name}: follow-up ${day}`,
        body: `Hello, this is about request ${day}.${pii ? ` Please ${pii.text}.` : ""} Regards`,
        sentAt: atDay(day, 8 + index),
      };
      emails.push(email);
      const rule = pii && rules.find((candidate) => candidate.detector === pii.detector);
      if (pii && rule) {
        violations.push({
          orgId: org.id,
          ruleId: rule.id,
          agentId: agent.id,
          emailId: email.id,
          severity: rule.severity,
          actionTaken: rule.taken,
          excerpt: pii.excerpt,
          detectedAt: email.sentAt,
        });
      }
    }
  }
  await db.email.createMany({ data: emails });
  await db.dlpViolation.createMany({ data: violations });

  const secrets = [
    {
      id: `e2e_secret_${randomUUID()}`,
      name: "crm-api-token",
      kind: "api_key",
      agentId: org.agents["Sales Outreach"].id,
    },
    { id: `e2e_secret_${randomUUID()}`, name: "smtp-relay", kind: "smtp_credential", agentId: null },
  ];
  await db.vaultSecret.createMany({
    data: secrets.map((secret) => ({ ...secret, orgId: org.id, createdAt: atDay(activityDays + 10, 9) })),
  });
  const vaultAccesses = [];
  for (let day = activityDays; day >= 1; day -= 2) {
    vaultAccesses.push({
      orgId: org.id,
      secretId: secrets[0]!.id,
      action: "read",
      actorType: "agent",
      actorId: org.agents["Sales Outreach"].id,
      actorLabel: org.agents["Sales Outreach"].name,
      agentId: org.agents["Sales Outreach"].id,
      outcome: "success",
      occurredAt: atDay(day, 10),
    });
  }
  vaultAccesses.push({
    orgId: org.id,
    secretId: secrets[1]!.id,
    action: "rotate",
    actorType: "user",
    actorId: org.admin.id,
    actorLabel: org.admin.email,
    agentId: null,
    outcome: "success",
    occurredAt: atDay(12, 15),
  });
  await db.vaultAccess.createMany({ data: vaultAccesses });

  await db.queryLog.createMany({
    data: [3, 9, 17].map((day) => ({
      orgId: org.id,
      agentId: org.agents["Invoice Processor"].id,
      actorType: "agent",
      actorId: org.agents["Invoice Processor"].id,
      actorLabel: org.agents["Invoice Processor"].name,
      database: "billing",
      statement: "SELECT id, total FROM invoices WHERE status = 'open'",
      rowsReturned: 12 + day,
      durationMs: 40,
      outcome: "success",
      occurredAt: atDay(day, 11),
    })),
  });
  await db.processingActivity.createMany({
    data: [
      {
        orgId: org.id,
        agentId: org.agents["Recruiting Coordinator"].id,
        name: "Candidate communications",
        purpose: "Scheduling interviews with job applicants",
        legalBasis: "legitimate_interests",
        dataCategories: ["contact details", "employment history"],
        subjectCategories: ["job applicants"],
        recipients: ["hiring managers"],
        retention: "6 months after the hiring decision",
        thirdCountryTransfers: [],
      },
      {
        orgId: org.id,
        agentId: null,
        name: "Customer correspondence",
        purpose: "Answering customer requests",
        legalBasis: "contract",
        dataCategories: ["contact details"],
        subjectCategories: ["customers"],
        recipients: [],
        retention: "2 years",
        thirdCountryTransfers: [{ country: "US", safeguard: "standard contractual clauses" }],
      },
    ],
  });
  await db.dataSharingRecord.createMany({
    data: [
      {
        orgId: org.id,
        agentId: org.agents["Recruiting Coordinator"].id,
        recipientName: "Background Checks Ltd",
        recipientDomain: "checks.example",
        recipientCountry: "GB",
        purpose: "Pre-employment screening",
        legalBasis: "consent",
        dataCategories: ["identity"],
        transferMechanism: "adequacy decision",
        recordCount: 3,
        sharedAt: atDay(6, 14),
      },
    ],
  });

  // Through the app's own writer, in time order, so the trail is what the app itself would keep.
  for (const event of auditEvents(org, rules)) await recordAuditEvent(event, db);
}

function auditEvents(org: E2eOrg, rules: { id: string; name: string }[]): AuditEventInput[] {
  const events: AuditEventInput[] = [];
  const byUser = (user: E2eUser) => ({
    orgId: org.id,
    actorType: "user" as const,
    actorId: user.id,
    actorLabel: user.email,
  });
  for (const rule of rules) {
    events.push({
      ...byUser(org.admin),
      action: "dlp.rule_created",
      category: "dlp",
      targetType: "dlp_rule",
      targetId: rule.id,
      metadata: { name: rule.name },
      occurredAt: atDay(activityDays, 8),
    });
  }
  for (let day = activityDays; day >= 1; day--) {
    events.push({ ...byUser(org.admin), action: "auth.login", category: "authentication", occurredAt: atDay(day, 9) });
    if (day % 2 === 0) {
      events.push({
        ...byUser(org.auditor),
        action: "auth.login",
        category: "authentication",
        occurredAt: atDay(day, 10),
      });
    }
    if (day % 7 === 3) {
      events.push({
        ...byUser(org.member),
        action: "auth.login_failed",
        category: "authentication",
        outcome: "failure",
        occurredAt: atDay(day, 11),
      });
    }
    if (day % 5 === 0) {
      const agent = org.agents["Sales Outreach"];
      events.push({
        orgId: org.id,
        actorType: "agent",
        actorId: agent.id,
        actorLabel: agent.name,
        action: "agent.action_denied",
        category: "agent_enforcement",
        agentId: agent.id,
        outcome: "denied",
        metadata: { reason: "recipient_domain_not_allowed", recipient: "someone@elsewhere.example" },
        occurredAt: atDay(day, 13),
      });
    }
    if (day % 2 === 0) {
      const agent = org.agents["Sales Outreach"];
      events.push({
        orgId: org.id,
        actorType: "agent",
        actorId: agent.id,
        actorLabel: agent.name,
        action: "secret.read",
        category: "secrets",
        agentId: agent.id,
        targetType: "secret",
        occurredAt: atDay(day, 10),
      });
    }
  }
  const invoiceAgent = org.agents["Invoice Processor"];
  events.push(
    {
      ...byUser(org.admin),
      action: "user.role_changed",
      category: "user_admin",
      targetType: "user",
      targetId: org.auditor.id,
      metadata: { from: "member", to: "auditor" },
      occurredAt: atDay(20, 14),
    },
    {
      ...byUser(org.admin),
      action: "agent.config_changed",
      category: "agent_config",
      agentId: invoiceAgent.id,
      targetType: "agent",
      targetId: invoiceAgent.id,
      metadata: { before: { dailySendLimit: 100 }, after: { dailySendLimit: 200 } },
      occurredAt: atDay(15, 16),
    },
    {
      ...byUser(org.admin),
      action: "secret.rotated",
      category: "secrets",
      targetType: "secret",
      occurredAt: atDay(12, 15),
    },
    {
      ...byUser(org.admin),
      action: "system.config_changed",
      category: "system_config",
      targetType: "setting",
      targetId: "session_timeout",
      metadata: { before: 8, after: 12 },
      occurredAt: atDay(8, 9),
    },
  );
  return events.sort((a, b) => a.occurredAt!.getTime() - b.occurredAt!.getTime());
}
