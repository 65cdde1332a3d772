// One example batch per ingest route for the OpenAPI document. The contract
// test parses each with the schema the handler uses, so they stay true.
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";

const agentId = "cmagent0000support01";

export const ingestBatchExamples: Record<IngestKind, unknown> = {
  "audit-events": {
    records: [
      {
        id: "evt-2026-11-30-000123",
        occurredAt: "2026-11-30T09:12:44Z",
        actorType: "agent",
        actorId: agentId,
        action: "agent.action_denied",
        category: "agent_enforcement",
        targetType: "tool",
        targetId: "send_email",
        agentId,
        outcome: "denied",
        ip: "203.0.113.24",
        metadata: { reason: "recipient domain not allowed" },
      },
    ],
  },
  emails: {
    records: [
      {
        id: "msg-7f3a9c",
        agentId,
        direction: "outbound",
        fromAddress: "support-bot@acme.test",
        toAddresses: ["customer@example.com"],
        subject: "Your ticket #4411",
        body: "Hello, your ticket has been resolved.",
        sentAt: "2026-11-30T09:10:02Z",
      },
    ],
  },
  "dlp-violations": {
    records: [
      {
        id: "dlp-88412",
        ruleId: "rule-payment-cards",
        agentId,
        actionTaken: "blocked",
        excerpt: "card number [REDACTED] in reply",
        detectedAt: "2026-11-30T09:11:30Z",
      },
    ],
  },
  "vault-accesses": {
    records: [
      {
        id: "vault-5521",
        secretId: "cmsecret00000stripe01",
        action: "read",
        actorType: "agent",
        actorId: agentId,
        agentId,
        outcome: "success",
        occurredAt: "2026-11-30T09:05:00Z",
      },
    ],
  },
  "query-logs": {
    records: [
      {
        id: "q-99120",
        agentId,
        actorType: "agent",
        database: "crm",
        statement: "SELECT id, status FROM tickets WHERE customer_id = $1",
        rowsReturned: 3,
        durationMs: 12,
        outcome: "success",
        occurredAt: "2026-11-30T09:09:58Z",
      },
    ],
  },
  "data-sharing-records": {
    records: [
      {
        id: "share-2026-11-0042",
        agentId,
        recipientName: "Parcel Logistics GmbH",
        recipientDomain: "parcel-logistics.example",
        recipientCountry: "DE",
        purpose: "Delivery of ordered goods",
        legalBasis: "contract",
        dataCategories: ["name", "postal address"],
        recordCount: 120,
        sharedAt: "2026-11-29T17:00:00Z",
      },
    ],
  },
};

export const agentBatchExample = {
  records: [
    {
      name: "Support bot",
      emailAddress: "support-bot@acme.test",
      description: "Answers customer tickets",
      allowedTools: ["send_email", "lookup_ticket"],
      allowedRecipientDomains: ["acme.test", "*.example.com"],
      dailySendLimit: 500,
    },
  ],
};

export const dlpRuleBatchExample = {
  records: [
    {
      id: "rule-payment-cards",
      name: "Payment cards",
      description: "Blocks card numbers in outbound mail",
      detector: "payment_card",
      severity: "high",
      action: "block",
    },
  ],
};

export const vaultSecretBatchExample = {
  records: [{ name: "stripe-api-key", kind: "api_key", agentId, lastRotatedAt: "2026-09-01T00:00:00Z" }],
};

export const processingActivityBatchExample = {
  records: [
    {
      id: "pa-customer-support",
      agentId,
      name: "Customer support",
      purpose: "Answering customers' questions about their orders",
      legalBasis: "contract",
      dataCategories: ["name", "email address", "order history"],
      subjectCategories: ["customers"],
      recipients: [],
      retention: "24 months after the ticket closes",
      thirdCountryTransfers: [],
      dataSource: "The customer, by email; order history from the shop system",
      automatedDecisionMaking: false,
    },
  ],
};
