// Four weeks of a fixture org's activity, up to yesterday: sign-ins and a few
// failures, emails carrying personal data and the DLP violations they caused,
// vault use, query logs, GDPR records and configuration changes, so every report
// type and chart has content. Runs in the database thread (database-thread.ts).
import { randomUUID } from "node:crypto";
import { recordAuditEvent, type AuditEventInput } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db";
import type { E2eOrg, E2eUser } from "../e2e-org";

export const activityDays = 28;

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

export async function writeE2eActivity(db: Database, org: E2eOrg): Promise<void> {
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
