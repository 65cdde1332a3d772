// The cast of the demo: organizations, people, agents with their boundaries,
// DLP rules, vault secrets, GDPR records and the partners data is shared with.
// Day offsets count back from the anchor day (UTC midnight of "today").

export type DemoOrgKey = "acme" | "globex";
export type DemoRole = "admin" | "auditor" | "member";

export const demoOrganizations = [
  { key: "acme", id: "org_acme", slug: "acme", name: "Acme Robotics", domain: "acme.test", createdDaysAgo: 420 },
  { key: "globex", id: "org_globex", slug: "globex", name: "Globex", domain: "globex.test", createdDaysAgo: 410 },
] as const satisfies readonly {
  key: DemoOrgKey;
  id: string;
  slug: string;
  name: string;
  domain: string;
  createdDaysAgo: number;
}[];

export type DemoMembership = {
  org: DemoOrgKey;
  role: DemoRole;
  joinedDaysAgo: number;
  /** A role change inside the window; `role` is the role after it. */
  roleChange?: { daysAgo: number; from: DemoRole };
  /** Removed from the org (membership deleted, user disabled if it was their only org). */
  removedDaysAgo?: number;
};

export type DemoUser = {
  key: string;
  email: string;
  name: string;
  /** One of the four documented demo logins. */
  isDemoLogin: boolean;
  memberships: DemoMembership[];
};

export const demoUsers: readonly DemoUser[] = [
  // Also a Globex auditor, so the org switcher has somewhere to go.
  {
    key: "acme-admin",
    email: "admin@acme.test",
    name: "Alex Morgan",
    isDemoLogin: true,
    memberships: [
      { org: "acme", role: "admin", joinedDaysAgo: 415 },
      { org: "globex", role: "auditor", joinedDaysAgo: 100 },
    ],
  },
  {
    key: "acme-auditor",
    email: "auditor@acme.test",
    name: "Jordan Lee",
    isDemoLogin: true,
    memberships: [{ org: "acme", role: "auditor", joinedDaysAgo: 150 }],
  },
  {
    key: "acme-member",
    email: "member@acme.test",
    name: "Sam Rivera",
    isDemoLogin: true,
    memberships: [{ org: "acme", role: "member", joinedDaysAgo: 300 }],
  },
  {
    key: "globex-admin",
    email: "admin@globex.test",
    name: "Hank Walters",
    isDemoLogin: true,
    memberships: [{ org: "globex", role: "admin", joinedDaysAgo: 405 }],
  },
  {
    key: "priya",
    email: "priya.shah@acme.test",
    name: "Priya Shah",
    isDemoLogin: false,
    memberships: [{ org: "acme", role: "admin", joinedDaysAgo: 260, roleChange: { daysAgo: 96, from: "member" } }],
  },
  {
    key: "marco",
    email: "marco.rossi@acme.test",
    name: "Marco Rossi",
    isDemoLogin: false,
    memberships: [{ org: "acme", role: "member", joinedDaysAgo: 61 }],
  },
  {
    key: "lena",
    email: "lena.fischer@acme.test",
    name: "Lena Fischer",
    isDemoLogin: false,
    memberships: [{ org: "acme", role: "member", joinedDaysAgo: 133, roleChange: { daysAgo: 31, from: "auditor" } }],
  },
  {
    key: "tom",
    email: "tom.becker@acme.test",
    name: "Tom Becker",
    isDemoLogin: false,
    memberships: [{ org: "acme", role: "member", joinedDaysAgo: 171, removedDaysAgo: 44 }],
  },
  {
    key: "nina",
    email: "nina.kowalski@acme.test",
    name: "Nina Kowalski",
    isDemoLogin: false,
    memberships: [{ org: "acme", role: "member", joinedDaysAgo: 19 }],
  },
  {
    key: "olivia",
    email: "olivia.chen@globex.test",
    name: "Olivia Chen",
    isDemoLogin: false,
    memberships: [{ org: "globex", role: "auditor", joinedDaysAgo: 240, roleChange: { daysAgo: 72, from: "member" } }],
  },
  {
    key: "raj",
    email: "raj.iyer@globex.test",
    name: "Raj Iyer",
    isDemoLogin: false,
    memberships: [{ org: "globex", role: "member", joinedDaysAgo: 101 }],
  },
  {
    key: "ben",
    email: "ben.carter@globex.test",
    name: "Ben Carter",
    isDemoLogin: false,
    memberships: [{ org: "globex", role: "member", joinedDaysAgo: 152, removedDaysAgo: 11 }],
  },
];

export type AgentKind =
  | "support"
  | "sales"
  | "billing"
  | "recruiting"
  | "vendor"
  | "it"
  | "legal"
  | "success"
  | "collections"
  | "procurement"
  | "hr"
  | "marketing";

export type DemoAgent = {
  key: string;
  org: DemoOrgKey;
  name: string;
  localPart: string;
  kind: AgentKind;
  description: string;
  status: "active" | "paused" | "retired";
  allowedTools: string[];
  allowedRecipientDomains: string[];
  dailySendLimit: number;
  /** Share of inbound mail. */
  inboundShare: number;
  /** Relative email volume among the agents other than the high-volume one. */
  weight: number;
  createdDaysAgo: number;
  /** Changes during the window, oldest first: each names the field and its earlier value. */
  configHistory: {
    daysAgo: number;
    field: "allowedTools" | "allowedRecipientDomains" | "dailySendLimit" | "status";
    before: string[] | number | string;
  }[];
};

/** The agent whose volume grows fastest with --scale (200,000 emails at --scale 20). */
export const HIGH_VOLUME_AGENT_KEY = "acme-support-triage";

export const customerDomains = [
  "northwind.example",
  "contoso.example",
  "fabrikam.example",
  "initech.example",
  "tailspin.example",
  "wingtip.example",
  "adventure-works.example",
  "litware.example",
] as const;
export const personalDomains = ["example.com", "example.net", "example.org"] as const;
export const supplierDomains = [
  "proseware.example",
  "lucerne-publishing.example",
  "woodgrove.example",
  "margie-travel.example",
] as const;
/** Domains agents try to reach without permission: what enforcement denies. */
export const disallowedDomains = [
  "competitor.example",
  "pastebin.example",
  "unknown-recipient.example",
  "tempmail.example",
] as const;

export const demoAgents: readonly DemoAgent[] = [
  {
    key: HIGH_VOLUME_AGENT_KEY,
    org: "acme",
    name: "Support Triage",
    localPart: "support-triage",
    kind: "support",
    description: "Reads the support inbox, answers common questions and routes the rest to the right team.",
    status: "active",
    allowedTools: ["email.read", "email.send", "ticket.create", "ticket.update", "crm.lookup", "docs.search"],
    allowedRecipientDomains: [
      "acme.test",
      "northwind.example",
      "contoso.example",
      "fabrikam.example",
      "initech.example",
      "example.com",
      "example.net",
    ],
    dailySendLimit: 5000,
    inboundShare: 0.55,
    weight: 0,
    createdDaysAgo: 390,
    configHistory: [
      { daysAgo: 150, field: "dailySendLimit", before: 1500 },
      {
        daysAgo: 88,
        field: "allowedTools",
        before: ["email.read", "email.send", "ticket.create", "ticket.update", "crm.lookup"],
      },
      {
        daysAgo: 40,
        field: "allowedRecipientDomains",
        before: ["acme.test", "northwind.example", "contoso.example", "fabrikam.example", "example.com"],
      },
      { daysAgo: 12, field: "dailySendLimit", before: 3000 },
    ],
  },
  {
    key: "acme-sales-outreach",
    org: "acme",
    name: "Sales Outreach",
    localPart: "sales-outreach",
    kind: "sales",
    description: "Follows up with leads after demos and books meetings for account executives.",
    status: "active",
    allowedTools: ["email.send", "email.read", "crm.lookup", "crm.update", "calendar.create"],
    allowedRecipientDomains: [
      "tailspin.example",
      "wingtip.example",
      "adventure-works.example",
      "litware.example",
      "acme.test",
    ],
    dailySendLimit: 400,
    inboundShare: 0.3,
    weight: 5,
    createdDaysAgo: 350,
    configHistory: [{ daysAgo: 63, field: "dailySendLimit", before: 250 }],
  },
  {
    key: "acme-invoice-processor",
    org: "acme",
    name: "Invoice Processor",
    localPart: "invoices",
    kind: "billing",
    description: "Sends invoices and payment reminders; records refunds requested by customers.",
    status: "active",
    allowedTools: ["email.send", "email.read", "billing.lookup", "payments.refund"],
    allowedRecipientDomains: [
      "northwind.example",
      "contoso.example",
      "fabrikam.example",
      "initech.example",
      "acme.test",
    ],
    dailySendLimit: 300,
    inboundShare: 0.4,
    weight: 4,
    createdDaysAgo: 330,
    configHistory: [{ daysAgo: 120, field: "allowedTools", before: ["email.send", "email.read", "billing.lookup"] }],
  },
  {
    key: "acme-recruiting",
    org: "acme",
    name: "Recruiting Coordinator",
    localPart: "recruiting",
    kind: "recruiting",
    description: "Schedules interviews and collects documents from candidates.",
    status: "active",
    allowedTools: ["email.send", "email.read", "calendar.create", "files.read"],
    allowedRecipientDomains: ["example.com", "example.net", "example.org", "acme.test"],
    dailySendLimit: 150,
    inboundShare: 0.5,
    weight: 2,
    createdDaysAgo: 280,
    configHistory: [],
  },
  {
    key: "acme-vendor-onboarding",
    org: "acme",
    name: "Vendor Onboarding",
    localPart: "vendors",
    kind: "vendor",
    description: "Collects supplier details and bank information for new vendors.",
    status: "active",
    allowedTools: ["email.send", "email.read", "files.read", "erp.update"],
    allowedRecipientDomains: ["proseware.example", "lucerne-publishing.example", "woodgrove.example", "acme.test"],
    dailySendLimit: 100,
    inboundShare: 0.5,
    weight: 1.5,
    createdDaysAgo: 240,
    configHistory: [
      {
        daysAgo: 25,
        field: "allowedRecipientDomains",
        before: ["proseware.example", "lucerne-publishing.example", "acme.test"],
      },
    ],
  },
  {
    key: "acme-it-helpdesk",
    org: "acme",
    name: "IT Helpdesk",
    localPart: "it-helpdesk",
    kind: "it",
    description: "Handles password resets, access requests and suspicious-login reports from staff.",
    status: "active",
    allowedTools: ["email.send", "email.read", "ticket.create", "directory.lookup"],
    allowedRecipientDomains: ["acme.test"],
    dailySendLimit: 200,
    inboundShare: 0.6,
    weight: 2,
    createdDaysAgo: 200,
    configHistory: [],
  },
  {
    key: "acme-legal-intake",
    org: "acme",
    name: "Legal Intake",
    localPart: "legal-intake",
    kind: "legal",
    description: "Triages NDAs and contract requests for the legal team. Paused pending review.",
    status: "paused",
    allowedTools: ["email.read", "docs.search"],
    allowedRecipientDomains: ["acme.test"],
    dailySendLimit: 50,
    inboundShare: 0.7,
    weight: 0.5,
    createdDaysAgo: 170,
    configHistory: [
      { daysAgo: 9, field: "allowedTools", before: ["email.read", "email.send", "docs.search"] },
      { daysAgo: 9, field: "status", before: "active" },
    ],
  },
  {
    key: "globex-customer-success",
    org: "globex",
    name: "Customer Success",
    localPart: "success",
    kind: "success",
    description: "Checks in with accounts, answers product questions and collects renewal intent.",
    status: "active",
    allowedTools: ["email.send", "email.read", "crm.lookup", "crm.update", "calendar.create"],
    allowedRecipientDomains: [
      "northwind.example",
      "tailspin.example",
      "wingtip.example",
      "litware.example",
      "globex.test",
    ],
    dailySendLimit: 500,
    inboundShare: 0.45,
    weight: 4,
    createdDaysAgo: 380,
    configHistory: [{ daysAgo: 101, field: "dailySendLimit", before: 300 }],
  },
  {
    key: "globex-collections",
    org: "globex",
    name: "Collections",
    localPart: "collections",
    kind: "collections",
    description: "Sends overdue-balance reminders and confirms payment plans.",
    status: "active",
    allowedTools: ["email.send", "email.read", "billing.lookup"],
    allowedRecipientDomains: ["northwind.example", "contoso.example", "adventure-works.example", "globex.test"],
    dailySendLimit: 250,
    inboundShare: 0.35,
    weight: 2.5,
    createdDaysAgo: 300,
    configHistory: [],
  },
  {
    key: "globex-procurement",
    org: "globex",
    name: "Procurement",
    localPart: "procurement",
    kind: "procurement",
    description: "Requests quotes and confirms purchase orders with suppliers.",
    status: "active",
    allowedTools: ["email.send", "email.read", "erp.update"],
    allowedRecipientDomains: ["proseware.example", "woodgrove.example", "margie-travel.example", "globex.test"],
    dailySendLimit: 120,
    inboundShare: 0.5,
    weight: 1.5,
    createdDaysAgo: 260,
    configHistory: [{ daysAgo: 55, field: "allowedTools", before: ["email.send", "email.read"] }],
  },
  {
    key: "globex-hr-assistant",
    org: "globex",
    name: "HR Assistant",
    localPart: "hr",
    kind: "hr",
    description: "Answers employee questions about payroll, leave and onboarding paperwork.",
    status: "active",
    allowedTools: ["email.send", "email.read", "hris.lookup", "files.read"],
    allowedRecipientDomains: ["globex.test", "example.com"],
    dailySendLimit: 100,
    inboundShare: 0.55,
    weight: 1.5,
    createdDaysAgo: 220,
    configHistory: [],
  },
  {
    key: "globex-newsletter",
    org: "globex",
    name: "Marketing Newsletter",
    localPart: "newsletter",
    kind: "marketing",
    description: "Sent the monthly product newsletter. Retired after the move to a marketing platform.",
    status: "retired",
    allowedTools: ["email.send"],
    allowedRecipientDomains: ["example.com", "example.net", "example.org"],
    dailySendLimit: 0,
    inboundShare: 0.05,
    weight: 1,
    createdDaysAgo: 400,
    configHistory: [
      { daysAgo: 35, field: "dailySendLimit", before: 2000 },
      { daysAgo: 35, field: "status", before: "active" },
    ],
  },
];

export type PiiKind = "email_address" | "phone" | "payment_card" | "iban" | "us_ssn" | "ip_address";
export const piiKinds: readonly PiiKind[] = ["email_address", "phone", "payment_card", "iban", "us_ssn", "ip_address"];

export type DemoDlpRule = {
  key: string;
  org: DemoOrgKey;
  name: string;
  description: string;
  detector: PiiKind | "keyword";
  pattern: string | null;
  severity: "low" | "medium" | "high" | "critical";
  action: "block" | "redact" | "quarantine" | "alert";
  enabled: boolean;
  createdDaysAgo: number;
  /** An update inside the window: the earlier severity. */
  update?: { daysAgo: number; severityBefore: DemoDlpRule["severity"] };
  /** Deleted inside the window: no row remains, only its audit trail. */
  deletedDaysAgo?: number;
};

export const demoDlpRules: readonly DemoDlpRule[] = [
  {
    key: "acme-cards",
    org: "acme",
    name: "Block payment card numbers",
    description: "Stops mail carrying Luhn-valid card numbers (PCI DSS).",
    detector: "payment_card",
    pattern: null,
    severity: "critical",
    action: "block",
    enabled: true,
    createdDaysAgo: 300,
  },
  {
    key: "acme-iban",
    org: "acme",
    name: "Redact IBANs",
    description: "Masks bank account numbers in outbound mail.",
    detector: "iban",
    pattern: null,
    severity: "high",
    action: "redact",
    enabled: true,
    createdDaysAgo: 170,
    update: { daysAgo: 80, severityBefore: "medium" },
  },
  {
    key: "acme-ssn",
    org: "acme",
    name: "Quarantine US SSNs",
    description: "Holds mail with Social Security numbers for review.",
    detector: "us_ssn",
    pattern: null,
    severity: "critical",
    action: "quarantine",
    enabled: true,
    createdDaysAgo: 290,
  },
  {
    key: "acme-phone",
    org: "acme",
    name: "Alert on phone numbers",
    description: "Flags personal phone numbers shared by email.",
    detector: "phone",
    pattern: null,
    severity: "low",
    action: "alert",
    enabled: true,
    createdDaysAgo: 120,
  },
  {
    key: "acme-ip",
    org: "acme",
    name: "Alert on IP addresses",
    description: "Flags IP addresses (online identifiers under GDPR).",
    detector: "ip_address",
    pattern: null,
    severity: "medium",
    action: "alert",
    enabled: true,
    createdDaysAgo: 95,
  },
  {
    key: "acme-email",
    org: "acme",
    name: "Alert on third-party email addresses",
    description: "Flags email addresses quoted in message bodies. Disabled: too noisy.",
    detector: "email_address",
    pattern: null,
    severity: "low",
    action: "alert",
    enabled: false,
    createdDaysAgo: 140,
    update: { daysAgo: 58, severityBefore: "medium" },
  },
  {
    key: "acme-confidential",
    org: "acme",
    name: "Confidential marker",
    description: "Quarantines mail marked CONFIDENTIAL.",
    detector: "keyword",
    pattern: "CONFIDENTIAL",
    severity: "medium",
    action: "quarantine",
    enabled: true,
    createdDaysAgo: 60,
  },
  {
    key: "acme-legacy-cards",
    org: "acme",
    name: "Legacy card regex",
    description: "Superseded by the Luhn-checked card rule.",
    detector: "keyword",
    pattern: "\\b\\d{16}\\b",
    severity: "high",
    action: "alert",
    enabled: false,
    createdDaysAgo: 330,
    deletedDaysAgo: 110,
  },
  {
    key: "globex-cards",
    org: "globex",
    name: "Block card numbers",
    description: "PCI DSS: no card numbers by email.",
    detector: "payment_card",
    pattern: null,
    severity: "high",
    action: "block",
    enabled: true,
    createdDaysAgo: 350,
  },
  {
    key: "globex-iban",
    org: "globex",
    name: "Redact bank accounts",
    description: "Masks IBANs before mail leaves Globex.",
    detector: "iban",
    pattern: null,
    severity: "high",
    action: "redact",
    enabled: true,
    createdDaysAgo: 150,
  },
  {
    key: "globex-ssn",
    org: "globex",
    name: "Block SSNs",
    description: "Stops mail carrying US Social Security numbers.",
    detector: "us_ssn",
    pattern: null,
    severity: "critical",
    action: "block",
    enabled: true,
    createdDaysAgo: 350,
    update: { daysAgo: 140, severityBefore: "high" },
  },
  {
    key: "globex-email",
    org: "globex",
    name: "Alert on personal email addresses",
    description: "Flags personal addresses quoted in mail.",
    detector: "email_address",
    pattern: null,
    severity: "low",
    action: "alert",
    enabled: true,
    createdDaysAgo: 75,
  },
];

export type DemoSecret = {
  key: string;
  org: DemoOrgKey;
  name: string;
  kind: "api_key" | "oauth_token" | "password" | "certificate" | "smtp_credential";
  agent: string | null;
  createdDaysAgo: number;
  /** null: never rotated. Days ago of the last rotation; earlier ones repeat every `rotationEveryDays`. */
  lastRotatedDaysAgo: number | null;
  rotationEveryDays: number | null;
  /** Relative share of the secret reads. */
  readWeight: number;
};

export const demoSecrets: readonly DemoSecret[] = [
  {
    key: "acme-smtp-triage",
    org: "acme",
    name: "smtp/support-triage",
    kind: "smtp_credential",
    agent: HIGH_VOLUME_AGENT_KEY,
    createdDaysAgo: 390,
    lastRotatedDaysAgo: 6,
    rotationEveryDays: 30,
    readWeight: 10,
  },
  {
    key: "acme-zendesk",
    org: "acme",
    name: "helpdesk/oauth-token",
    kind: "oauth_token",
    agent: HIGH_VOLUME_AGENT_KEY,
    createdDaysAgo: 380,
    lastRotatedDaysAgo: 21,
    rotationEveryDays: 45,
    readWeight: 6,
  },
  {
    key: "acme-crm",
    org: "acme",
    name: "crm/api-key",
    kind: "api_key",
    agent: null,
    createdDaysAgo: 400,
    lastRotatedDaysAgo: 97,
    rotationEveryDays: 90,
    readWeight: 4,
  },
  {
    key: "acme-smtp-sales",
    org: "acme",
    name: "smtp/sales-outreach",
    kind: "smtp_credential",
    agent: "acme-sales-outreach",
    createdDaysAgo: 350,
    lastRotatedDaysAgo: 33,
    rotationEveryDays: 60,
    readWeight: 3,
  },
  {
    key: "acme-payments",
    org: "acme",
    name: "payments/restricted-key",
    kind: "api_key",
    agent: "acme-invoice-processor",
    createdDaysAgo: 330,
    lastRotatedDaysAgo: 142,
    rotationEveryDays: null,
    readWeight: 3,
  },
  {
    key: "acme-ats",
    org: "acme",
    name: "recruiting/ats-api-key",
    kind: "api_key",
    agent: "acme-recruiting",
    createdDaysAgo: 280,
    lastRotatedDaysAgo: null,
    rotationEveryDays: null,
    readWeight: 1,
  },
  {
    key: "acme-erp",
    org: "acme",
    name: "erp/service-password",
    kind: "password",
    agent: "acme-vendor-onboarding",
    createdDaysAgo: 240,
    lastRotatedDaysAgo: 58,
    rotationEveryDays: null,
    readWeight: 1,
  },
  {
    key: "acme-ftp",
    org: "acme",
    name: "legacy/ftp-password",
    kind: "password",
    agent: null,
    createdDaysAgo: 800,
    lastRotatedDaysAgo: 420,
    rotationEveryDays: null,
    readWeight: 0.2,
  },
  {
    key: "acme-tls",
    org: "acme",
    name: "tls/mail-acme-test",
    kind: "certificate",
    agent: null,
    createdDaysAgo: 365,
    lastRotatedDaysAgo: 64,
    rotationEveryDays: null,
    readWeight: 0.5,
  },
  {
    key: "globex-smtp-success",
    org: "globex",
    name: "smtp/customer-success",
    kind: "smtp_credential",
    agent: "globex-customer-success",
    createdDaysAgo: 380,
    lastRotatedDaysAgo: 15,
    rotationEveryDays: 30,
    readWeight: 4,
  },
  {
    key: "globex-billing",
    org: "globex",
    name: "billing/api-key",
    kind: "api_key",
    agent: "globex-collections",
    createdDaysAgo: 300,
    lastRotatedDaysAgo: 203,
    rotationEveryDays: null,
    readWeight: 2,
  },
  {
    key: "globex-erp",
    org: "globex",
    name: "erp/oauth-token",
    kind: "oauth_token",
    agent: "globex-procurement",
    createdDaysAgo: 260,
    lastRotatedDaysAgo: 44,
    rotationEveryDays: 90,
    readWeight: 1,
  },
  {
    key: "globex-hris",
    org: "globex",
    name: "hris/service-password",
    kind: "password",
    agent: "globex-hr-assistant",
    createdDaysAgo: 220,
    lastRotatedDaysAgo: null,
    rotationEveryDays: null,
    readWeight: 1,
  },
  {
    key: "globex-mail-platform",
    org: "globex",
    name: "marketing/mail-platform-key",
    kind: "api_key",
    agent: "globex-newsletter",
    createdDaysAgo: 400,
    lastRotatedDaysAgo: 95,
    rotationEveryDays: null,
    readWeight: 0.5,
  },
];

export type DemoProcessingActivity = {
  org: DemoOrgKey;
  /** null: applies to every agent of the org. */
  agent: string | null;
  name: string;
  purpose: string;
  legalBasis: "consent" | "contract" | "legal_obligation" | "vital_interests" | "public_task" | "legitimate_interests";
  dataCategories: string[];
  subjectCategories: string[];
  recipients: string[];
  retention: string;
  thirdCountryTransfers: { country: string; safeguard: string }[];
};

export const demoProcessingActivities: readonly DemoProcessingActivity[] = [
  {
    org: "acme",
    agent: null,
    name: "Email security and DLP scanning",
    purpose: "Detect and prevent leaks of personal and payment data in agent email.",
    legalBasis: "legitimate_interests",
    dataCategories: ["contact details", "email content", "online identifiers"],
    subjectCategories: ["customers", "employees", "suppliers"],
    recipients: ["internal security team"],
    retention: "Violations kept 1 year, then deleted",
    thirdCountryTransfers: [],
  },
  {
    org: "acme",
    agent: null,
    name: "Audit logging",
    purpose: "Keep evidence of access and configuration changes for SOC 2 and incident response.",
    legalBasis: "legal_obligation",
    dataCategories: ["account identifiers", "IP addresses", "activity logs"],
    subjectCategories: ["employees", "contractors"],
    recipients: ["external auditors"],
    retention: "7 years",
    thirdCountryTransfers: [],
  },
  {
    org: "acme",
    agent: HIGH_VOLUME_AGENT_KEY,
    name: "Customer support correspondence",
    purpose: "Answer and route customer support requests.",
    legalBasis: "contract",
    dataCategories: ["contact details", "order history", "support messages"],
    subjectCategories: ["customers", "prospects"],
    recipients: ["HelpDeskly Inc. (ticketing processor)"],
    retention: "3 years after the last contact",
    thirdCountryTransfers: [{ country: "US", safeguard: "EU-US Data Privacy Framework" }],
  },
  {
    org: "acme",
    agent: "acme-sales-outreach",
    name: "Sales follow-up",
    purpose: "Follow up with prospects who requested a demo.",
    legalBasis: "legitimate_interests",
    dataCategories: ["contact details", "job title", "company"],
    subjectCategories: ["prospects"],
    recipients: ["CRM provider"],
    retention: "2 years after the last interaction",
    thirdCountryTransfers: [{ country: "US", safeguard: "Standard contractual clauses" }],
  },
  {
    org: "acme",
    agent: "acme-invoice-processor",
    name: "Invoicing and refunds",
    purpose: "Bill customers and process refunds.",
    legalBasis: "contract",
    dataCategories: ["contact details", "payment data", "bank details"],
    subjectCategories: ["customers"],
    recipients: ["PayRail Ltd (payment processor)", "tax authority"],
    retention: "10 years (commercial law)",
    thirdCountryTransfers: [],
  },
  {
    org: "acme",
    agent: "acme-recruiting",
    name: "Recruiting",
    purpose: "Schedule interviews and collect application documents.",
    legalBasis: "consent",
    dataCategories: ["contact details", "CV", "identity documents"],
    subjectCategories: ["job applicants"],
    recipients: ["Hirewell (applicant tracking)"],
    retention: "6 months after the position is filled",
    thirdCountryTransfers: [{ country: "US", safeguard: "Standard contractual clauses" }],
  },
  {
    org: "acme",
    agent: "acme-vendor-onboarding",
    name: "Supplier onboarding",
    purpose: "Verify suppliers and record their bank details.",
    legalBasis: "contract",
    dataCategories: ["contact details", "bank details"],
    subjectCategories: ["supplier contacts"],
    recipients: ["ERP provider"],
    retention: "10 years",
    thirdCountryTransfers: [],
  },
  {
    org: "globex",
    agent: null,
    name: "Email security scanning",
    purpose: "Detect personal data in outbound agent mail.",
    legalBasis: "legitimate_interests",
    dataCategories: ["email content", "contact details"],
    subjectCategories: ["customers", "employees"],
    recipients: ["internal security team"],
    retention: "1 year",
    thirdCountryTransfers: [],
  },
  {
    org: "globex",
    agent: "globex-customer-success",
    name: "Account management",
    purpose: "Support customers and manage renewals.",
    legalBasis: "contract",
    dataCategories: ["contact details", "usage data"],
    subjectCategories: ["customers"],
    recipients: ["CRM provider"],
    retention: "3 years after contract end",
    thirdCountryTransfers: [{ country: "US", safeguard: "EU-US Data Privacy Framework" }],
  },
  {
    org: "globex",
    agent: "globex-collections",
    name: "Debt collection",
    purpose: "Recover overdue balances and agree payment plans.",
    legalBasis: "legitimate_interests",
    dataCategories: ["contact details", "payment data", "bank details"],
    subjectCategories: ["customers"],
    recipients: ["Ledgerline Collections Ltd"],
    retention: "6 years",
    thirdCountryTransfers: [{ country: "GB", safeguard: "Adequacy decision" }],
  },
  {
    org: "globex",
    agent: "globex-hr-assistant",
    name: "Employee administration",
    purpose: "Answer payroll and leave questions.",
    legalBasis: "legal_obligation",
    dataCategories: ["identity data", "payroll data", "national identifiers"],
    subjectCategories: ["employees"],
    recipients: ["payroll provider"],
    retention: "Employment plus 7 years",
    thirdCountryTransfers: [{ country: "IN", safeguard: "Standard contractual clauses" }],
  },
  {
    org: "globex",
    agent: "globex-newsletter",
    name: "Newsletter",
    purpose: "Send the monthly product newsletter to subscribers.",
    legalBasis: "consent",
    dataCategories: ["email address", "name"],
    subjectCategories: ["subscribers"],
    recipients: ["mail platform provider"],
    retention: "Until consent is withdrawn",
    thirdCountryTransfers: [{ country: "US", safeguard: "EU-US Data Privacy Framework" }],
  },
];

export type DemoSharingPartner = {
  org: DemoOrgKey;
  agent: string | null;
  recipientName: string;
  recipientDomain: string;
  recipientCountry: string;
  purpose: string;
  legalBasis: DemoProcessingActivity["legalBasis"];
  dataCategories: string[];
  transferMechanism: string | null;
  /** Relative share of the sharing records. */
  weight: number;
};

export const demoSharingPartners: readonly DemoSharingPartner[] = [
  {
    org: "acme",
    agent: HIGH_VOLUME_AGENT_KEY,
    recipientName: "HelpDeskly Inc.",
    recipientDomain: "helpdeskly.example",
    recipientCountry: "US",
    purpose: "Ticket synchronisation",
    legalBasis: "contract",
    dataCategories: ["contact details", "support messages"],
    transferMechanism: "EU-US Data Privacy Framework",
    weight: 5,
  },
  {
    org: "acme",
    agent: "acme-invoice-processor",
    recipientName: "PayRail Ltd",
    recipientDomain: "payrail.example",
    recipientCountry: "IE",
    purpose: "Refund processing",
    legalBasis: "contract",
    dataCategories: ["payment data", "contact details"],
    transferMechanism: null,
    weight: 3,
  },
  {
    org: "acme",
    agent: "acme-recruiting",
    recipientName: "Hirewell",
    recipientDomain: "hirewell.example",
    recipientCountry: "US",
    purpose: "Applicant tracking",
    legalBasis: "consent",
    dataCategories: ["CV", "contact details"],
    transferMechanism: "Standard contractual clauses",
    weight: 2,
  },
  {
    org: "acme",
    agent: null,
    recipientName: "Auditwise LLP",
    recipientDomain: "auditwise.example",
    recipientCountry: "GB",
    purpose: "SOC 2 audit evidence",
    legalBasis: "legal_obligation",
    dataCategories: ["activity logs", "account identifiers"],
    transferMechanism: "Adequacy decision",
    weight: 0.5,
  },
  {
    org: "globex",
    agent: "globex-collections",
    recipientName: "Ledgerline Collections Ltd",
    recipientDomain: "ledgerline.example",
    recipientCountry: "GB",
    purpose: "Debt recovery",
    legalBasis: "legitimate_interests",
    dataCategories: ["contact details", "payment data"],
    transferMechanism: "Adequacy decision",
    weight: 3,
  },
  {
    org: "globex",
    agent: "globex-customer-success",
    recipientName: "Pipeline CRM Inc.",
    recipientDomain: "pipelinecrm.example",
    recipientCountry: "US",
    purpose: "Account records",
    legalBasis: "contract",
    dataCategories: ["contact details", "usage data"],
    transferMechanism: "EU-US Data Privacy Framework",
    weight: 3,
  },
  {
    org: "globex",
    agent: "globex-hr-assistant",
    recipientName: "Paystream Payroll Pvt Ltd",
    recipientDomain: "paystream.example",
    recipientCountry: "IN",
    purpose: "Payroll",
    legalBasis: "legal_obligation",
    dataCategories: ["payroll data", "national identifiers"],
    transferMechanism: "Standard contractual clauses",
    weight: 1,
  },
];

export const firstNames = [
  "Emma",
  "Liam",
  "Olivia",
  "Noah",
  "Ava",
  "Lucas",
  "Mia",
  "Mateo",
  "Sofia",
  "Elijah",
  "Amara",
  "Kenji",
  "Chloé",
  "Jonas",
  "Fatima",
  "Diego",
  "Hannah",
  "Omar",
  "Ingrid",
  "Wei",
  "Zoe",
  "Arjun",
  "Lea",
  "Tomás",
  "Nora",
  "Kwame",
  "Yuki",
  "Elena",
] as const;

export const lastNames = [
  "Smith",
  "Müller",
  "Garcia",
  "Nguyen",
  "Okafor",
  "Rossi",
  "Dubois",
  "Kowalski",
  "Tanaka",
  "Johansson",
  "Silva",
  "Patel",
  "O'Brien",
  "Novak",
  "Haddad",
  "Jensen",
  "Moreau",
  "Schmidt",
  "Cohen",
  "Fernández",
  "Ivanova",
  "Kim",
  "Brown",
  "Lopez",
] as const;

const toAscii = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z]/g, "");
/** The names as they appear in addresses: lower case, accents and apostrophes dropped. */
export const asciiFirstNames: readonly string[] = firstNames.map(toAscii);
export const asciiLastNames: readonly string[] = lastNames.map(toAscii);

export const toolsAgentsTry = [
  "payments.refund",
  "crm.export",
  "files.share_public",
  "db.query",
  "web.browse",
  "shell.exec",
  "email.send_bulk",
] as const;

export const systemSettings = [
  { setting: "session.idleTimeoutMinutes", values: [30, 60, 15, 20] },
  { setting: "auth.mfaRequired", values: [false, true] },
  { setting: "auth.passwordMinLength", values: [10, 12, 14] },
  { setting: "retention.emailDays", values: [365, 730, 1095] },
  { setting: "dlp.scanInbound", values: [false, true] },
  { setting: "agents.defaultDailySendLimit", values: [200, 100, 250] },
  { setting: "api.keyExpiryDays", values: [0, 365, 180] },
] as const;

export const queryDatabases = ["crm", "billing", "support", "analytics", "hr"] as const;
