// The ingest record schemas and helpers, without a database: timestamps need an
// offset and a sane range, enumerations follow the models, unknown fields and
// oversized values are refused, client ids map to stable per-org keys.
import { describe, expect, it } from "vitest";
import { errorStatus } from "@/lib/api/error-status";
import { AppError } from "@/lib/errors/app-error";
import { zodFieldErrors } from "@/lib/api/zod-field-errors";
import { defaultIngestRequestsPerMinute, getIngestRequestsPerMinute } from "@/lib/ingest/consume-ingest-quota";
import { deriveRecordId } from "@/lib/ingest/derive-record-id";
import { ingestKinds, parseIngestKind } from "@/lib/ingest/parse-ingest-kind";
import {
  auditEventRecordSchema,
  dataSharingRecordSchema,
  emailRecordSchema,
  agentBatchSchema,
  ingestBatchSchema,
  ingestRecordSchemas,
  queryLogRecordSchema,
  timestamp,
} from "@/lib/ingest/schemas";

const email = {
  agentId: "agent_1",
  direction: "inbound",
  fromAddress: "jane@customer.example",
  toAddresses: ["bot@acme.example"],
  subject: "Hi",
  body: "Hello",
  sentAt: "2026-01-31T12:00:00Z",
};

function fieldsOf(result: { success: boolean; error?: unknown }) {
  expect(result.success).toBe(false);
  return zodFieldErrors(result.error as never);
}

describe("batch bodies that are not objects", () => {
  // The duplicate-id refinement runs even when the shape is wrong; it once read `null.records` (a 500).
  it.each([null, 7, "text", [], true])("refuses %j with a field error instead of throwing", (body) => {
    expect(ingestBatchSchema("emails").safeParse(body).success).toBe(false);
    expect(agentBatchSchema.safeParse(body).success).toBe(false);
  });
});

describe("timestamp", () => {
  it("accepts Z and ±hh:mm offsets as the same instant", () => {
    expect(timestamp.parse("2026-01-31T12:00:00Z")).toEqual(new Date("2026-01-31T12:00:00.000Z"));
    expect(timestamp.parse("2026-01-31T14:00:00.125+02:00")).toEqual(new Date("2026-01-31T12:00:00.125Z"));
    expect(timestamp.parse("2026-01-31T06:30:00-05:30")).toEqual(new Date("2026-01-31T12:00:00.000Z"));
  });

  it("refuses local times, bare dates, impossible dates and other formats", () => {
    for (const value of [
      "2026-01-31T12:00:00",
      "2026-01-31",
      "2026-02-30T12:00:00Z",
      "31/01/2026 12:00",
      "1769860800000",
      1769860800000,
      "",
    ]) {
      expect(timestamp.safeParse(value).success, String(value)).toBe(false);
    }
  });

  it("refuses times before 2000 and more than a day ahead", () => {
    expect(timestamp.safeParse("1999-12-31T23:59:59Z").success).toBe(false);
    const soon = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const later = new Date(Date.now() + 25 * 60 * 60 * 1000).toISOString();
    expect(timestamp.safeParse(soon).success).toBe(true);
    expect(timestamp.safeParse(later).success).toBe(false);
  });
});

describe("record schemas", () => {
  it("fills defaults: no cc addresses, empty DLP excerpt, zero shared records", () => {
    expect(emailRecordSchema.parse(email).ccAddresses).toEqual([]);
    const shared = dataSharingRecordSchema.parse({
      recipientName: "PayRail Ltd",
      purpose: "Refunds",
      legalBasis: "contract",
      dataCategories: ["payment data"],
      sharedAt: "2026-01-31T12:00:00Z",
    });
    expect(shared.recordCount).toBe(0);
    expect(
      ingestRecordSchemas["dlp-violations"].parse({
        ruleId: "r",
        agentId: "a",
        actionTaken: "alerted",
        detectedAt: "2026-01-31T12:00:00Z",
      }).excerpt,
    ).toBe("");
  });

  it("refuses values outside the models' enumerations", () => {
    expect(Object.keys(fieldsOf(emailRecordSchema.safeParse({ ...email, direction: "sideways" })))).toEqual([
      "direction",
    ]);
    const event = {
      occurredAt: "2026-01-31T12:00:00Z",
      actorType: "robot",
      action: "agent.action_denied",
      category: "weather",
      outcome: "maybe",
    };
    expect(Object.keys(fieldsOf(auditEventRecordSchema.safeParse(event))).sort()).toEqual([
      "actorType",
      "category",
      "outcome",
    ]);
  });

  it("refuses unknown fields (a typo is not silently dropped)", () => {
    expect(fieldsOf(emailRecordSchema.safeParse({ ...email, sent_at: "2026-01-31T12:00:00Z" }))).toHaveProperty("body");
  });

  it("checks addresses, actions, IPs, countries, domains and counts", () => {
    expect(Object.keys(fieldsOf(emailRecordSchema.safeParse({ ...email, toAddresses: [] })))).toEqual(["toAddresses"]);
    expect(
      Object.keys(fieldsOf(emailRecordSchema.safeParse({ ...email, ccAddresses: ["ok@x.example", "nope"] }))),
    ).toEqual(["ccAddresses.1"]);
    const event = {
      occurredAt: "2026-01-31T12:00:00Z",
      actorType: "user",
      category: "authentication",
      outcome: "success",
    };
    expect(auditEventRecordSchema.safeParse({ ...event, action: "user.role_changed", ip: "2001:db8::1" }).success).toBe(
      true,
    );
    // Attest's own namespaces cannot be ingested (forged sign-ins, exports).
    expect(auditEventRecordSchema.safeParse({ ...event, action: "auth.login", ip: "2001:db8::1" }).success).toBe(false);
    expect(
      Object.keys(fieldsOf(auditEventRecordSchema.safeParse({ ...event, action: "Login", ip: "300.1.1.1" }))).sort(),
    ).toEqual(["action", "ip"]);
    const sharing = {
      recipientName: "X",
      purpose: "Y",
      legalBasis: "contract",
      dataCategories: ["a"],
      sharedAt: "2026-01-31T12:00:00Z",
    };
    expect(
      Object.keys(
        fieldsOf(
          dataSharingRecordSchema.safeParse({
            ...sharing,
            recipientCountry: "usa",
            recipientDomain: "not a domain",
            legalBasis: "because",
          }),
        ),
      ).sort(),
    ).toEqual(["legalBasis", "recipientCountry", "recipientDomain"]);
    const query = {
      actorType: "agent",
      database: "crm",
      statement: "SELECT 1",
      outcome: "success",
      occurredAt: "2026-01-31T12:00:00Z",
    };
    expect(
      Object.keys(fieldsOf(queryLogRecordSchema.safeParse({ ...query, rowsReturned: -1, durationMs: 1.5 }))).sort(),
    ).toEqual(["durationMs", "rowsReturned"]);
  });

  it("refuses a DLP excerpt holding unmasked personal data and accepts masked ones", () => {
    const violation = { ruleId: "r", agentId: "a", actionTaken: "blocked", detectedAt: "2026-01-31T12:00:00Z" };
    const schema = ingestRecordSchemas["dlp-violations"];
    for (const excerpt of ["card **** **** **** 4242", "j***@customer.example", "***-**-6789", "DE89 **** **** 00"]) {
      expect(schema.safeParse({ ...violation, excerpt }).success, excerpt).toBe(true);
    }
    for (const [excerpt, category] of [
      ["card 4111 1111 1111 1111", "payment card"],
      ["to jane.doe@customer.example", "email address"],
      ["ssn 123-45-6789", "us ssn"],
    ]) {
      const fields = fieldsOf(schema.safeParse({ ...violation, excerpt }));
      expect(fields.excerpt?.[0], excerpt).toContain(category);
    }
  });

  it("limits string lengths", () => {
    expect(Object.keys(fieldsOf(emailRecordSchema.safeParse({ ...email, subject: "s".repeat(999) })))).toEqual([
      "subject",
    ]);
    expect(emailRecordSchema.safeParse({ ...email, id: "x".repeat(129) }).success).toBe(false);
    expect(emailRecordSchema.safeParse({ ...email, id: "has space" }).success).toBe(false);
    expect(emailRecordSchema.safeParse({ ...email, id: "crm:msg/2026-01-31#42" }).success).toBe(true);
  });
});

describe("batch schema", () => {
  it("names fields as records.<index>.<field>, and refuses a repeated client id", () => {
    const result = ingestBatchSchema("emails").safeParse({
      records: [
        { ...email, id: "a" },
        { ...email, sentAt: "yesterday" },
        { ...email, id: "a" },
      ],
    });
    const fields = fieldsOf(result);
    expect(Object.keys(fields).sort()).toEqual(["records.1.sentAt", "records.2.id"]);
  });

  it("reports a repeated client id even when another record fails a type check", () => {
    const result = ingestBatchSchema("emails").safeParse({
      records: [
        { ...email, id: "a", direction: "sideways" },
        { ...email, id: "a" },
      ],
    });
    expect(Object.keys(fieldsOf(result)).sort()).toEqual(["records.0.direction", "records.1.id"]);
  });

  it("takes 1 to 1000 records", () => {
    expect(ingestBatchSchema("emails").safeParse({ records: [] }).success).toBe(false);
    expect(ingestBatchSchema("emails").safeParse({ records: Array(1000).fill(email) }).success).toBe(true);
    expect(Object.keys(fieldsOf(ingestBatchSchema("emails").safeParse({ records: Array(1001).fill(email) })))).toEqual([
      "records",
    ]);
  });
});

describe("deriveRecordId", () => {
  it("is stable for one org, kind and client id, and differs across orgs and kinds", () => {
    const id = deriveRecordId("org_a", "emails", "msg-1");
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(deriveRecordId("org_a", "emails", "msg-1")).toBe(id);
    expect(deriveRecordId("org_b", "emails", "msg-1")).not.toBe(id);
    expect(deriveRecordId("org_a", "audit-events", "msg-1")).not.toBe(id);
  });

  it("is random, in the same shape, without a client id", () => {
    const a = deriveRecordId("org_a", "emails", undefined);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(deriveRecordId("org_a", "emails", undefined)).not.toBe(a);
  });
});

describe("parseIngestKind", () => {
  it("accepts the six kinds and answers 404 for anything else", () => {
    for (const kind of ingestKinds) expect(parseIngestKind(kind)).toBe(kind);
    for (const value of ["payments", "Emails", "", undefined, "emails/"]) {
      const error = (() => {
        try {
          parseIngestKind(value);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect(errorStatus[(error as AppError).code]).toBe(404);
    }
  });
});

describe("getIngestRequestsPerMinute", () => {
  it("reads ATTEST_INGEST_RATE_LIMIT, 60 when unset, and refuses anything but a positive integer by name", () => {
    expect(getIngestRequestsPerMinute({ ATTEST_INGEST_RATE_LIMIT: "5" })).toBe(5);
    for (const value of [undefined, ""]) {
      expect(getIngestRequestsPerMinute({ ATTEST_INGEST_RATE_LIMIT: value })).toBe(defaultIngestRequestsPerMinute);
    }
    for (const value of ["0", "-3", "2.5", "lots"]) {
      expect(() => getIngestRequestsPerMinute({ ATTEST_INGEST_RATE_LIMIT: value })).toThrow(
        /ATTEST_INGEST_RATE_LIMIT must be an integer of at least 1/,
      );
    }
  });
});
