// The event hash's hand-written canonical form must be exactly RFC 8785 as the
// canonicalize library writes it, for any event: strings with any Unicode,
// nulls, any metadata, any source. Pinned with generated events.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ChainedAuditEvent } from "@/lib/audit-chain/chained-audit-event";
import { auditEventHashInput, canonicalAuditEvent, digestPersonalField } from "@/lib/audit-chain/hash-audit-event";

const anyText = fc.string({ unit: "binary", maxLength: 40 });
const nullableText = fc.option(anyText, { nil: null });
const jsonMetadata = fc.option(fc.dictionary(anyText, fc.jsonValue({ maxDepth: 3 })), { nil: null });
const source = fc.oneof(
  fc.constant({ kind: "attest" as const }),
  fc.record({ kind: fc.constant("ingest" as const), apiKeyId: nullableText, userId: nullableText }),
);

const event: fc.Arbitrary<ChainedAuditEvent> = fc.record({
  id: anyText,
  orgId: anyText,
  seq: fc.integer({ min: 1, max: 2_147_483_647 }),
  prevHash: fc.stringMatching(/^[0-9a-f]{64}$/),
  occurredAt: fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 0, 1)), noInvalidDate: true }),
  actorType: anyText,
  actorId: nullableText,
  actorLabel: nullableText,
  action: anyText,
  category: anyText,
  targetType: nullableText,
  targetId: nullableText,
  agentId: nullableText,
  outcome: anyText,
  ip: nullableText,
  metadata: jsonMetadata,
  source,
  salt: fc.stringMatching(/^[0-9a-f]{32}$/),
  redactions: fc.option(fc.dictionary(anyText, fc.stringMatching(/^[0-9a-f]{64}$/)), { nil: null }),
});

describe("the audit event's canonical form", () => {
  it("is canonicalize() of the same object, for any event", () => {
    fc.assert(
      fc.property(event, (e) => {
        expect(canonicalAuditEvent(e)).toBe(canonicalize(auditEventHashInput(e)));
      }),
      { seed: 20261203, numRuns: 1000 },
    );
  }, 60_000);

  it("digests a personal value over its canonical JSON, whatever its shape", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const expected = createHash("sha256")
          .update(`00\u0000metadata.x\u0000${canonicalize(value)}`, "utf8")
          .digest("hex");
        expect(digestPersonalField("00", "metadata.x", value)).toBe(expected);
      }),
      { seed: 20261203, numRuns: 1000 },
    );
  }, 60_000);
});
