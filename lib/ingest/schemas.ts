// Shapes of the records the platform pushes through POST /api/engine/ingest/{kind}.
// They judge the shape only; whether referenced agents, rules, secrets and
// emails belong to the caller's org is checked against the database in
// verify-record-references.ts. Enumerations follow prisma/models.prisma.
import { z } from "zod";
import { reservedNamespaceOf } from "@/lib/audit/reserved-action-namespaces";
import { agentStatuses } from "@/lib/agents/agent-statuses";
import { auditCategories } from "@/lib/audit/record-audit-event";
import { detectPersonalData } from "@/lib/compliance/pii/detect-personal-data";
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";
import { findNonFiniteNumberPath } from "@/lib/json/find-non-finite-number-path";

export const maxRecordsPerRequest = 1000;
/** Whole request body; one record may use most of it (an email with a long body). */
export const maxIngestBodyBytes = 5 * 1024 * 1024;
/** Events stamped further ahead than this are a clock or unit bug, not activity. */
export const maxFutureSkewMs = 24 * 60 * 60 * 1000;
const earliestTimestampMs = Date.UTC(2000, 0, 1);

export const actorTypes = ["user", "agent", "api_key", "system"] as const;
export const outcomes = ["success", "failure", "denied"] as const;
export const emailDirections = ["inbound", "outbound"] as const;
export const dlpSeverities = ["low", "medium", "high", "critical"] as const;
export const dlpActionsTaken = ["blocked", "redacted", "quarantined", "alerted"] as const;
export const vaultActions = ["read", "rotate", "create", "delete"] as const;
export const legalBases = [
  "consent",
  "contract",
  "legal_obligation",
  "vital_interests",
  "public_task",
  "legitimate_interests",
] as const;

/**
 * ISO-8601 with an explicit offset (`Z` or `±hh:mm`): a time without one is
 * ambiguous, so it is refused rather than guessed as UTC.
 */
export const timestamp = z.iso
  .datetime({ offset: true, error: "Use an ISO-8601 timestamp with an offset, e.g. 2026-01-31T12:00:00Z" })
  .transform((text) => new Date(text))
  .refine((date) => date.getTime() >= earliestTimestampMs, "Timestamps before 2000-01-01 are not accepted")
  .refine(
    (date) => date.getTime() <= Date.now() + maxFutureSkewMs,
    "Timestamps more than 24 hours in the future are not accepted",
  );

// PostgreSQL's text and jsonb cannot hold U+0000: refused on both databases
// alike, naming the field, rather than failing at the insert.
const nulCharacter = "\u0000";
const noNulMessage = "Cannot contain the NUL character (U+0000)";
const withoutNul = (value: string) => !value.includes(nulCharacter);
/** U+0000 as JSON.stringify writes it: `\u0000` after an even run of backslashes (an odd one escapes the text itself). */
const escapedNul = /(?:^|[^\\])(?:\\\\)*\\u0000/;
const text = (max: number) => z.string().max(max, `At most ${max} characters`).refine(withoutNul, noNulMessage);
const requiredText = (max: number) =>
  z.string().trim().min(1, "Cannot be empty").max(max, `At most ${max} characters`).refine(withoutNul, noNulMessage);
const optionalText = (max: number) => text(max).nullish();
const reference = z
  .string()
  .trim()
  .min(1, "Cannot be empty")
  .max(100, "At most 100 characters")
  .refine(withoutNul, noNulMessage);
const emailAddress = z.email("Not an email address").max(320, "At most 320 characters");
const addressList = (min: number) =>
  z
    .array(emailAddress)
    .min(min, `At least ${min} address${min === 1 ? "" : "es"}`)
    .max(500, "At most 500 addresses");
const count = z.number().int("Must be a whole number").min(0, "Cannot be negative").max(2_147_483_647);
const countryCode = z.string().regex(/^[A-Z]{2}$/, "Use an ISO 3166-1 alpha-2 country code, e.g. DE");

/**
 * The client's own id of a record: a retried batch carrying the same ids is
 * not written twice (see derive-record-id.ts).
 */
export const clientRecordId = z.string().regex(/^[\x21-\x7e]{1,128}$/, "Use 1–128 visible ASCII characters");

/** Fields every record may carry. `orgId`, when given, must be the caller's org. */
const common = {
  id: clientRecordId.optional(),
  orgId: z.string().max(100).optional(),
};

const actor = {
  actorType: z.enum(actorTypes),
  actorId: optionalText(200),
  actorLabel: optionalText(320),
};

/** Levels of objects and arrays, counting metadata itself. */
export const maxMetadataDepth = 32;

/**
 * Walks without recursion, so any depth the JSON parser accepts is measured
 * safely; JSON.stringify and the database driver recurse and would overflow.
 */
export function exceedsJsonDepth(value: unknown, maxDepth: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    if (next.depth > maxDepth) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}

const metadata = z
  .record(z.string(), z.unknown())
  .refine((value) => !exceedsJsonDepth(value, maxMetadataDepth), {
    message: `Metadata may nest at most ${maxMetadataDepth} levels deep`,
    abort: true,
  })
  .superRefine((value, context) => {
    const path = findNonFiniteNumberPath(value);
    if (path) context.addIssue({ code: "custom", message: "Numbers must be within ±1.8e308", path });
  })
  .refine((value) => JSON.stringify(value).length <= 16_384, "Metadata is limited to 16 KB of JSON")
  .refine((value) => !escapedNul.test(JSON.stringify(value)), noNulMessage);

export const auditEventRecordSchema = z.strictObject({
  ...common,
  occurredAt: timestamp,
  ...actor,
  action: z
    .string()
    .max(100, "At most 100 characters")
    .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, "Use a dotted lower-case verb, e.g. agent.action_denied")
    .refine((action) => reservedNamespaceOf(action) === null, {
      error: (issue) =>
        `\`${reservedNamespaceOf(String(issue.input))}\` actions are written by Attest itself and cannot be ingested`,
    }),
  category: z.enum(auditCategories),
  targetType: optionalText(100),
  targetId: optionalText(200),
  agentId: reference.nullish(),
  outcome: z.enum(outcomes),
  ip: z
    .union([z.ipv4().meta({ format: "ipv4" }), z.ipv6().meta({ format: "ipv6" })], {
      error: "Not an IPv4 or IPv6 address",
    })
    .nullish(),
  metadata: metadata.nullish(),
});

export const emailRecordSchema = z.strictObject({
  ...common,
  agentId: reference,
  direction: z.enum(emailDirections),
  messageId: optionalText(998),
  fromAddress: emailAddress,
  toAddresses: addressList(1),
  ccAddresses: addressList(0).default([]),
  subject: text(998),
  body: text(1_000_000),
  sentAt: timestamp,
});

export const dlpViolationRecordSchema = z.strictObject({
  ...common,
  ruleId: reference,
  agentId: reference,
  emailId: reference.nullish(),
  /** Left out: the rule's severity. */
  severity: z.enum(dlpSeverities).optional(),
  actionTaken: z.enum(dlpActionsTaken),
  /**
   * A masked excerpt. Attest must never hold the raw value (a stored card number
   * would itself be a breach), so an excerpt in which the report's own PII
   * detectors still find personal data is refused.
   */
  excerpt: text(500)
    .superRefine((excerpt, ctx) => {
      const found = [...new Set(detectPersonalData(excerpt).map((match) => match.category.replace("_", " ")))];
      if (found.length > 0) {
        ctx.addIssue({ code: "custom", message: `Send the masked excerpt: it contains unmasked ${found.join(", ")}` });
      }
    })
    .default(""),
  detectedAt: timestamp,
});

export const vaultAccessRecordSchema = z.strictObject({
  ...common,
  secretId: reference,
  action: z.enum(vaultActions),
  ...actor,
  agentId: reference.nullish(),
  outcome: z.enum(outcomes),
  occurredAt: timestamp,
});

export const queryLogRecordSchema = z.strictObject({
  ...common,
  agentId: reference.nullish(),
  ...actor,
  database: requiredText(200),
  statement: requiredText(100_000),
  rowsReturned: count,
  durationMs: count,
  outcome: z.enum(outcomes),
  occurredAt: timestamp,
});

export const dataSharingRecordSchema = z.strictObject({
  ...common,
  agentId: reference.nullish(),
  recipientName: requiredText(200),
  recipientDomain: z.hostname("Not a domain name").max(253).nullish(),
  recipientCountry: countryCode.nullish(),
  purpose: requiredText(1000),
  legalBasis: z.enum(legalBases),
  dataCategories: z.array(requiredText(100)).min(1, "Name at least one data category").max(100),
  transferMechanism: optionalText(200),
  recordCount: count.default(0),
  sharedAt: timestamp,
});

export const ingestRecordSchemas = {
  "audit-events": auditEventRecordSchema,
  emails: emailRecordSchema,
  "dlp-violations": dlpViolationRecordSchema,
  "vault-accesses": vaultAccessRecordSchema,
  "query-logs": queryLogRecordSchema,
  "data-sharing-records": dataSharingRecordSchema,
} as const satisfies Record<IngestKind, z.ZodType>;

export type IngestRecordOf<Kind extends IngestKind> = z.output<(typeof ingestRecordSchemas)[Kind]>;
export type IngestRecord = IngestRecordOf<IngestKind>;

// zod skips an object's refinements once a record has failed a type check; a
// repeated key is reported alongside the other errors, so this runs every time
// and reads the partly parsed records defensively.
const everyTime = { when: () => true };

/** A refinement that runs even when other fields failed, as long as the object and the fields it reads did not. */
function whenFieldsValid(...fields: string[]) {
  return {
    when: (payload: { value: unknown; issues: readonly { path?: readonly PropertyKey[] }[] }) =>
      typeof payload.value === "object" &&
      payload.value !== null &&
      !payload.issues.some((issue) => (issue.path?.length ?? 0) === 0 || fields.includes(String(issue.path?.[0]))),
  };
}

/** The batch's records as a refinement that runs every time sees them: the body may be any JSON, even `null`. */
function recordsOf(batch: unknown): unknown {
  return typeof batch === "object" && batch !== null ? (batch as { records?: unknown }).records : undefined;
}

function reportRepeats(records: unknown, key: "id" | "emailAddress" | "name", ctx: z.RefinementCtx): void {
  if (!Array.isArray(records)) return;
  const firstIndexOf = new Map<string, number>();
  records.forEach((record: unknown, index) => {
    const value = typeof record === "object" && record !== null ? (record as Record<string, unknown>)[key] : undefined;
    if (typeof value !== "string") return;
    // Addresses are compared in lower case; a record that failed may not be lowered yet.
    const normalized = key === "emailAddress" ? value.toLowerCase() : value;
    const first = firstIndexOf.get(normalized);
    if (first === undefined) firstIndexOf.set(normalized, index);
    else {
      const what = key === "emailAddress" ? "email address" : key;
      ctx.addIssue({
        code: "custom",
        path: ["records", index, key],
        message: `Repeats the ${what} of records.${first}`,
      });
    }
  });
}

/** `{ orgId?, records: [1..1000] }`; client ids must be unique within the batch. */
export function ingestBatchSchema<Kind extends IngestKind>(kind: Kind) {
  return z
    .strictObject({
      orgId: z.string().max(100).optional(),
      records: z
        .array(ingestRecordSchemas[kind] as (typeof ingestRecordSchemas)[Kind])
        .min(1, "Send at least one record")
        .max(maxRecordsPerRequest, `At most ${maxRecordsPerRequest} records per request`),
    })
    .superRefine((batch, ctx) => reportRepeats(recordsOf(batch), "id", ctx), everyTime);
}

export type IngestBatch<Kind extends IngestKind = IngestKind> = z.output<ReturnType<typeof ingestBatchSchema<Kind>>>;

/**
 * An agent as the platform configures it, upserted by its email address (unique
 * in an org, compared in lower case): the ids it gets back are what activity
 * records reference as `agentId`.
 */
export const agentRecordSchema = z.strictObject({
  orgId: z.string().max(100).optional(),
  name: requiredText(200),
  emailAddress: emailAddress.transform((address) => address.toLowerCase()),
  description: text(2000).default(""),
  status: z.enum(agentStatuses).default("active"),
  allowedTools: z.array(requiredText(100)).max(500, "At most 500 tools"),
  allowedRecipientDomains: z
    .array(
      z
        .string()
        .max(253)
        .regex(
          // Spelled out rather than with the `i` flag: JSON Schema patterns carry no flags.
          /^(\*\.)?([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?\.)+[a-zA-Z0-9-]{2,}$/,
          "Use a domain name, e.g. example.com or *.example.com",
        )
        .transform((domain) => domain.toLowerCase()),
    )
    .max(500, "At most 500 domains"),
  dailySendLimit: count,
});

export type AgentRecord = z.output<typeof agentRecordSchema>;

/** A batch of configuration records, each upserted by `key`, unique within the batch. */
function keyedBatchSchema<Record extends z.ZodType>(record: Record, key: "id" | "emailAddress" | "name") {
  return z
    .strictObject({
      orgId: z.string().max(100).optional(),
      records: z
        .array(record)
        .min(1, "Send at least one record")
        .max(maxRecordsPerRequest, `At most ${maxRecordsPerRequest} records per request`),
    })
    .superRefine((batch, ctx) => reportRepeats(recordsOf(batch), key, ctx), everyTime);
}

export const agentBatchSchema = keyedBatchSchema(agentRecordSchema, "emailAddress");

export type AgentBatch = z.output<typeof agentBatchSchema>;

export const vaultSecretKinds = ["api_key", "oauth_token", "password", "certificate", "smtp_credential"] as const;

/**
 * A vault secret's description, upserted by name (unique in an org). Never the
 * secret's value: there is no field for it, and unknown fields are refused.
 */
export const vaultSecretRecordSchema = z.strictObject({
  orgId: z.string().max(100).optional(),
  name: requiredText(200),
  kind: z.enum(vaultSecretKinds),
  agentId: reference.nullish(),
  /** When the platform created it; left out on a new secret: now. */
  createdAt: timestamp.optional(),
  lastRotatedAt: timestamp.nullish(),
});

export type VaultSecretRecord = z.output<typeof vaultSecretRecordSchema>;
export const vaultSecretBatchSchema = keyedBatchSchema(vaultSecretRecordSchema, "name");
export type VaultSecretBatch = z.output<typeof vaultSecretBatchSchema>;

export const dlpDetectors = [
  "email_address",
  "phone",
  "payment_card",
  "iban",
  "us_ssn",
  "ip_address",
  "keyword",
] as const;
export const dlpRuleActions = ["block", "redact", "quarantine", "alert"] as const;

/** A DLP rule, upserted by the platform's own `id` (required: rule names are not unique). */
export const dlpRuleRecordSchema = z.strictObject({
  id: clientRecordId,
  orgId: z.string().max(100).optional(),
  name: requiredText(200),
  description: text(2000).default(""),
  detector: z.enum(dlpDetectors),
  pattern: optionalText(1000),
  severity: z.enum(dlpSeverities),
  action: z.enum(dlpRuleActions),
  enabled: z.boolean().default(true),
});

export type DlpRuleRecord = z.output<typeof dlpRuleRecordSchema>;
export const dlpRuleBatchSchema = keyedBatchSchema(dlpRuleRecordSchema, "id");
export type DlpRuleBatch = z.output<typeof dlpRuleBatchSchema>;

/**
 * A GDPR Art. 30 record of processing, upserted by the platform's own `id`.
 * Each record is the activity's full state: `agentId` left out or null makes
 * it org-wide; `dataSource` and `automatedDecisionLogic` left out clear them,
 * `automatedDecisionMaking` left out is `false`.
 */
export const processingActivityRecordSchema = z
  .strictObject({
    id: clientRecordId,
    orgId: z.string().max(100).optional(),
    agentId: reference.nullish(),
    name: requiredText(200),
    purpose: requiredText(1000),
    legalBasis: z.enum(legalBases),
    dataCategories: z
      .array(requiredText(100))
      .min(1, "Name at least one data category")
      .max(100, "At most 100 data categories"),
    subjectCategories: z
      .array(requiredText(100))
      .min(1, "Name at least one category of data subjects")
      .max(100, "At most 100 categories of data subjects"),
    // Empty: disclosed to no one outside the controller.
    recipients: z.array(requiredText(200)).max(100, "At most 100 recipients"),
    retention: requiredText(500),
    thirdCountryTransfers: z
      .array(z.strictObject({ country: countryCode, safeguard: requiredText(200) }))
      .max(250, "At most 250 transfers"),
    // Art. 14(2)(f) / 15(1)(g): where the data comes from when not from the data subject.
    dataSource: requiredText(1000).nullish(),
    // Art. 15(1)(h): decisions based solely on automated processing, including profiling (Art. 22).
    automatedDecisionMaking: z.boolean().default(false),
    automatedDecisionLogic: requiredText(2000).nullish(),
  })
  .superRefine(
    (activity, ctx) => {
      // The subject is owed meaningful information about the logic exactly when there is such a decision.
      const hasLogic = activity.automatedDecisionLogic != null;
      if (activity.automatedDecisionMaking && !hasLogic) {
        ctx.addIssue({
          code: "custom",
          path: ["automatedDecisionLogic"],
          message: "Describe the logic involved when automatedDecisionMaking is true",
        });
      } else if (!activity.automatedDecisionMaking && hasLogic) {
        ctx.addIssue({
          code: "custom",
          path: ["automatedDecisionLogic"],
          message: "Only with automatedDecisionMaking set to true",
        });
      }
      // Also beside other fields' problems (a spreadsheet lists them all), once these two are valid.
    },
    whenFieldsValid("automatedDecisionMaking", "automatedDecisionLogic"),
  );

export type ProcessingActivityRecord = z.output<typeof processingActivityRecordSchema>;
export const processingActivityBatchSchema = keyedBatchSchema(processingActivityRecordSchema, "id");
export type ProcessingActivityBatch = z.output<typeof processingActivityBatchSchema>;
