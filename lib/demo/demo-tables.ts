// Row shapes of the tables the demo writes, in the database's representation
// (DateTime as ISO-8601 text, Json as JSON text), with their column lists.

export type OrganizationRow = { id: string; slug: string; name: string; createdAt: string };
export type UserRow = {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: string;
  disabledAt: string | null;
};
export type MembershipRow = { id: string; orgId: string; userId: string; role: string; createdAt: string };
export type AgentRow = {
  id: string;
  orgId: string;
  name: string;
  emailAddress: string;
  description: string;
  status: string;
  allowedTools: string;
  allowedRecipientDomains: string;
  dailySendLimit: number;
  createdAt: string;
  updatedAt: string;
};
export type EmailRow = {
  id: string;
  orgId: string;
  agentId: string;
  direction: string;
  messageId: string;
  fromAddress: string;
  toAddresses: string;
  ccAddresses: string;
  subject: string;
  body: string;
  sentAt: string;
};
export type AuditEventRow = {
  id: string;
  orgId: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  category: string;
  targetType: string | null;
  targetId: string | null;
  agentId: string | null;
  outcome: string;
  ip: string | null;
  metadata: string | null;
  seq: number;
  prevHash: string;
  hash: string;
  salt: string;
  source: string;
  sourceApiKeyId: string | null;
  sourceUserId: string | null;
  redactions: string | null;
};
export type DlpRuleRow = {
  id: string;
  orgId: string;
  name: string;
  description: string;
  detector: string;
  pattern: string | null;
  severity: string;
  action: string;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
};
export type DlpViolationRow = {
  id: string;
  orgId: string;
  ruleId: string;
  agentId: string;
  emailId: string;
  severity: string;
  actionTaken: string;
  excerpt: string;
  detectedAt: string;
};
export type VaultSecretRow = {
  id: string;
  orgId: string;
  name: string;
  kind: string;
  agentId: string | null;
  createdAt: string;
  lastRotatedAt: string | null;
};
export type VaultAccessRow = {
  id: string;
  orgId: string;
  secretId: string;
  action: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  agentId: string | null;
  outcome: string;
  occurredAt: string;
};
export type QueryLogRow = {
  id: string;
  orgId: string;
  agentId: string | null;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  database: string;
  statement: string;
  rowsReturned: number;
  durationMs: number;
  outcome: string;
  occurredAt: string;
};
export type ProcessingActivityRow = {
  id: string;
  orgId: string;
  agentId: string | null;
  name: string;
  purpose: string;
  legalBasis: string;
  dataCategories: string;
  subjectCategories: string;
  recipients: string;
  retention: string;
  thirdCountryTransfers: string;
  createdAt: string;
  updatedAt: string;
};
export type DataSharingRecordRow = {
  id: string;
  orgId: string;
  agentId: string | null;
  recipientName: string;
  recipientDomain: string | null;
  recipientCountry: string | null;
  purpose: string;
  legalBasis: string;
  dataCategories: string;
  transferMechanism: string | null;
  recordCount: number;
  sharedAt: string;
};

export const demoTableColumns = {
  Organization: ["id", "slug", "name", "createdAt"],
  User: ["id", "email", "name", "passwordHash", "createdAt", "disabledAt"],
  Membership: ["id", "orgId", "userId", "role", "createdAt"],
  Agent: [
    "id",
    "orgId",
    "name",
    "emailAddress",
    "description",
    "status",
    "allowedTools",
    "allowedRecipientDomains",
    "dailySendLimit",
    "createdAt",
    "updatedAt",
  ],
  Email: [
    "id",
    "orgId",
    "agentId",
    "direction",
    "messageId",
    "fromAddress",
    "toAddresses",
    "ccAddresses",
    "subject",
    "body",
    "sentAt",
  ],
  AuditEvent: [
    "id",
    "orgId",
    "occurredAt",
    "actorType",
    "actorId",
    "actorLabel",
    "action",
    "category",
    "targetType",
    "targetId",
    "agentId",
    "outcome",
    "ip",
    "metadata",
    "seq",
    "prevHash",
    "hash",
    "salt",
    "source",
    "sourceApiKeyId",
    "sourceUserId",
    "redactions",
  ],
  DlpRule: [
    "id",
    "orgId",
    "name",
    "description",
    "detector",
    "pattern",
    "severity",
    "action",
    "enabled",
    "createdAt",
    "updatedAt",
  ],
  DlpViolation: ["id", "orgId", "ruleId", "agentId", "emailId", "severity", "actionTaken", "excerpt", "detectedAt"],
  VaultSecret: ["id", "orgId", "name", "kind", "agentId", "createdAt", "lastRotatedAt"],
  VaultAccess: [
    "id",
    "orgId",
    "secretId",
    "action",
    "actorType",
    "actorId",
    "actorLabel",
    "agentId",
    "outcome",
    "occurredAt",
  ],
  QueryLog: [
    "id",
    "orgId",
    "agentId",
    "actorType",
    "actorId",
    "actorLabel",
    "database",
    "statement",
    "rowsReturned",
    "durationMs",
    "outcome",
    "occurredAt",
  ],
  ProcessingActivity: [
    "id",
    "orgId",
    "agentId",
    "name",
    "purpose",
    "legalBasis",
    "dataCategories",
    "subjectCategories",
    "recipients",
    "retention",
    "thirdCountryTransfers",
    "createdAt",
    "updatedAt",
  ],
  DataSharingRecord: [
    "id",
    "orgId",
    "agentId",
    "recipientName",
    "recipientDomain",
    "recipientCountry",
    "purpose",
    "legalBasis",
    "dataCategories",
    "transferMechanism",
    "recordCount",
    "sharedAt",
  ],
} as const satisfies Record<string, readonly string[]>;

export type DemoTable = keyof typeof demoTableColumns;
