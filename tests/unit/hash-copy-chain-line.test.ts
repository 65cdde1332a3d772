// PostgreSQL's verification fast path hashes an event from its line of COPY
// text with the fields as they stand, and a line whose hash does not match is
// hashed again from its fields. For any text an event can hold the answer must
// be the hash of the event's fields; the fast path must take every line whose
// text needs no rewriting; and neither may give the stored hash for a line
// whose values were changed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StoredChainedEvent } from "@/lib/audit-chain/chain-verification";
import { hashAuditEvent } from "@/lib/audit-chain/hash-audit-event";
import { hashCopyChainLine, orgMemberOf } from "@/lib/audit/hash-copy-chain-line";
import { hashedLinkOfCopyLine } from "@/lib/audit/read-audit-chain-events";
import { createVerifiedChainLines } from "@/lib/audit/verified-chain-lines";
import { escapeAsPostgres } from "@/tests/support/escape-as-postgres";

const orgId = "org_copy";
const orgMember = orgMemberOf(orgId);

/** A timestamp(3) as PostgreSQL writes it: a space for the T, no zone, trailing zeros dropped. */
function postgresTimestamp(iso: string): string {
  const [day, time] = iso.slice(0, -1).split("T") as [string, string];
  return `${day} ${time.replace(/\.?0+$/, "")}`;
}

/** The event's line in chainEventColumns' order. */
function copyLineOf(event: StoredChainedEvent): string {
  const source =
    event.source.kind === "attest" ? ["attest", null, null] : ["ingest", event.source.apiKeyId, event.source.userId];
  return [
    event.action,
    event.actorId,
    event.actorType,
    event.agentId,
    event.category,
    event.id,
    postgresTimestamp(event.occurredAt as string),
    event.outcome,
    event.prevHash,
    String(event.seq),
    ...source,
    event.targetId,
    event.targetType,
    event.hash,
    event.salt,
    event.actorLabel,
    event.ip,
    event.metadata === null ? null : JSON.stringify(event.metadata),
    event.redactions === null ? null : JSON.stringify(event.redactions),
  ]
    .map(escapeAsPostgres)
    .join("\t");
}

/** Text COPY writes as JSON.stringify does (its escapes \\ \b \f \n \r \t included). */
const plainText = fc
  .array(fc.constantFrom("\\", "\n", "\t", "\b", "\f", "\r", "\u007f", "\u2028", "é", "𝄞", "a", " ", "/", "'", "{"), {
    maxLength: 10,
  })
  .map((parts) => parts.join(""));
/** Anything storable (no NUL, no lone surrogate), with what COPY and JSON write differently made common. */
const anyText = fc.oneof(
  plainText,
  fc
    .string({ unit: "binary", maxLength: 16 })
    .filter((text) => !/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)),
  fc
    .array(fc.constantFrom('"', "\u000b", "\u0001", "\u001f", "\\", "\n", "a"), { maxLength: 6 })
    .map((parts) => parts.join("")),
);
const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));

const instants = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59.999Z"), noInvalidDate: true })
  .map((date) => date.toISOString());

function events(text: fc.Arbitrary<string>): fc.Arbitrary<StoredChainedEvent> {
  return fc
    .record({
      action: text,
      actorId: fc.option(text),
      actorType: text,
      agentId: fc.option(text),
      category: text,
      id: text,
      occurredAt: instants,
      outcome: text,
      prevHash: hex(64),
      seq: fc.integer({ min: 1, max: 2_147_483_647 }),
      source: fc.oneof(
        fc.constant({ kind: "attest" as const }),
        fc.record({ kind: fc.constant("ingest" as const), apiKeyId: fc.option(text), userId: fc.option(text) }),
      ),
      targetId: fc.option(text),
      targetType: fc.option(text),
      salt: hex(32),
      actorLabel: fc.option(text),
      ip: fc.option(text),
      metadata: fc.option(fc.dictionary(anyText, fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null)))),
    })
    .map((fields) => {
      const event = { ...fields, orgId, redactions: null, hash: "" };
      return { ...event, hash: hashAuditEvent(event) };
    });
}

describe("hashCopyChainLine", () => {
  it("gives the hash of the event's fields for any text, from the line or else from the fields", () => {
    fc.assert(
      fc.property(events(anyText), (event) => {
        const link = hashedLinkOfCopyLine(orgId, orgMember, copyLineOf(event));
        expect(link.recomputedHash).toBe(event.hash);
        expect(link).toMatchObject({ seq: event.seq, prevHash: event.prevHash, hash: event.hash, redactions: null });
      }),
      { seed: 20261205, numRuns: 2000 },
    );
  });

  it("takes every line whose text COPY writes as JSON does, with the values it keeps", () => {
    fc.assert(
      fc.property(events(plainText), (event) => {
        const link = hashCopyChainLine(orgMember, copyLineOf(event));
        const keptAsRead = !/\\|[\n\t\b\f\r]/.test(`${event.actorLabel ?? ""}${event.ip ?? ""}`);
        if (!keptAsRead) return;
        expect(link).not.toBeNull();
        expect(link!.recomputedHash).toBe(event.hash);
        expect(link).toMatchObject({
          actorLabel: event.actorLabel,
          ip: event.ip,
          metadata: event.metadata,
          salt: event.salt,
        });
      }),
      { seed: 20261205, numRuns: 2000 },
    );
  });

  it("never gives the stored hash once a value in the line was changed", () => {
    const columns = 21;
    // Not part of the hashed text: prevHash and the stored hash (the verifier compares them
    // itself), the salt (only inside digests), metadata (parsed, then digested as the field
    // path does); redactions (JSON the database checks) take the field path (the last test).
    const unhashedColumns = new Set([8, 15, 16, 19, 20]);
    const timestampColumn = 6;
    fc.assert(
      fc.property(
        events(anyText),
        fc.integer({ min: 0, max: columns - 1 }),
        anyText,
        instants,
        (event, column, replacement, instant) => {
          const fields = copyLineOf(event).split("\t");
          // A timestamp column holds timestamps: another instant, in the database's text.
          const changed = column === timestampColumn ? postgresTimestamp(instant) : escapeAsPostgres(replacement);
          fc.pre(changed !== fields[column] && !unhashedColumns.has(column));
          // Any source but "attest" is an ingest, whose two ids "attest" ignores (fromSourceColumns).
          fc.pre(!(column === 10 && event.source.kind === "ingest" && replacement !== "attest"));
          fc.pre(!(event.source.kind === "attest" && (column === 11 || column === 12)));
          fields[column] = changed;
          const line = fields.join("\t");
          const fast = hashCopyChainLine(orgMember, line);
          if (fast !== null) expect(fast.recomputedHash).not.toBe(event.hash);
          expect(hashedLinkOfCopyLine(orgId, orgMember, line).recomputedHash).not.toBe(event.hash);
          // Nor when the unchanged line was verified before: the changed one is recomputed.
          const verified = createVerifiedChainLines(new SharedArrayBuffer(16 * 64), orgId);
          expect(hashedLinkOfCopyLine(orgId, orgMember, copyLineOf(event), verified).recomputedHash).toBe(event.hash);
          expect(hashedLinkOfCopyLine(orgId, orgMember, line, verified).recomputedHash).not.toBe(event.hash);
        },
      ),
      { seed: 20261205, numRuns: 3000 },
    );
  });

  it("takes the stored hash of a line verified before, and recomputes any other", () => {
    const plain = (seq: number, actorLabel: string): StoredChainedEvent => {
      const event: StoredChainedEvent = {
        ...{ action: "user.updated", actorId: "user-1", actorType: "user", agentId: null, category: "user_admin" },
        ...{ id: `evt-${seq}`, occurredAt: "2026-11-01T00:00:00.000Z", outcome: "success", prevHash: "0".repeat(64) },
        ...{ seq, source: { kind: "attest" }, targetId: null, targetType: null, salt: "a".repeat(32), actorLabel },
        ...{ ip: null, metadata: { step: seq }, redactions: null, orgId, hash: "" },
      };
      return { ...event, hash: hashAuditEvent(event) };
    };
    const event = plain(1, "person@acme.test");
    const line = copyLineOf(event);
    const verified = createVerifiedChainLines(new SharedArrayBuffer(16 * 64), orgId);
    expect(hashCopyChainLine(orgMember, line, verified)?.recomputedHash).toBe(event.hash);
    expect(verified.has(1, verified.keyOf(line))).toBe(true);
    // Known by its text: a line taken as verified is not recomputed (here, one whose hash was swapped).
    const other = plain(2, "someone@acme.test");
    const forged = copyLineOf(other).replace(other.hash, event.hash);
    verified.add(2, verified.keyOf(forged));
    expect(hashCopyChainLine(orgMember, forged, verified)?.recomputedHash).toBe(event.hash);
    // A line whose hash does not match is not remembered.
    const third = plain(3, "third@acme.test");
    const unmatched = copyLineOf(third).replace(third.hash, event.hash);
    expect(hashCopyChainLine(orgMember, unmatched, verified)?.recomputedHash).toBe(third.hash);
    expect(verified.has(3, verified.keyOf(unmatched))).toBe(false);
  });

  it("gives the fields' hash where metadata holds a JSON value that is not an object", () => {
    const event = fc.sample(events(plainText), { seed: 11, numRuns: 1 })[0]!;
    for (const value of ["null", "0", "false", '"text"', "[1]"]) {
      const fields = copyLineOf(event).split("\t");
      fields[19] = value;
      const stored = { ...event, metadata: JSON.parse(value) as Record<string, unknown> | null };
      const expected = hashAuditEvent(stored);
      const line = fields.join("\t").replace(event.hash, expected);
      expect(hashedLinkOfCopyLine(orgId, orgMember, line).recomputedHash).toBe(expected);
      expect(hashCopyChainLine(orgMember, line)?.recomputedHash).toBe(expected);
    }
  });

  it("leaves erased events and lines of another shape to the field path", () => {
    const event = fc.sample(events(plainText), { seed: 7, numRuns: 1 })[0]!;
    const line = copyLineOf(event);
    expect(hashCopyChainLine(orgMember, line.replace(/\\N$/, '{"ip": "digest"}'))).toBeNull();
    expect(hashCopyChainLine(orgMember, `${line}\textra`)).toBeNull();
    const fields = line.split("\t");
    fields[6] = "2026-06-01 12:00:00+02";
    expect(hashCopyChainLine(orgMember, fields.join("\t"))).toBeNull();
  });
});
