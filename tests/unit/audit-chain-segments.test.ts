import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { genesisHash } from "@/lib/audit-chain/chained-audit-event";
import { hashAuditEvent } from "@/lib/audit-chain/hash-audit-event";
import { joinChainSegments } from "@/lib/audit-chain/join-chain-segments";
import { verifyAuditChain, type StoredChainedEvent } from "@/lib/audit-chain/verify-audit-chain";
import { verifyChainSegment } from "@/lib/audit-chain/verify-chain-segment";
import { buildChain } from "@/tests/support/build-audit-chain";

const chain = buildChain(40);

type Tamper =
  | { kind: "none" }
  | { kind: "edit" | "delete" | "swap" | "insert" | "redact"; at: number }
  | { kind: "truncate"; keep: number };

/** The stored rows after one kind of tampering, still in sequence order as a database returns them. */
function tampered(length: number, tamper: Tamper): StoredChainedEvent[] {
  const events = chain.slice(0, length).map((event) => ({ ...event }));
  if (tamper.kind === "none") return events;
  if (tamper.kind === "truncate") return events.slice(0, tamper.keep);
  const at = Math.min(tamper.at, events.length - 1);
  const event = events[at]!;
  if (tamper.kind === "edit") events[at] = { ...event, action: "compliance.report_deleted" };
  if (tamper.kind === "delete") events.splice(at, 1);
  if (tamper.kind === "redact") events[at] = { ...event, ip: null, redactions: { ip: "0".repeat(64) } };
  if (tamper.kind === "swap" && at + 1 < events.length) {
    const next = events[at + 1]!;
    events[at] = { ...next, seq: event.seq };
    events[at + 1] = { ...event, seq: next.seq };
  }
  // A forged event takes a sequence number and the later ones move up by one.
  if (tamper.kind === "insert") {
    events.splice(at, 0, { ...event, id: "evt_forged" });
    for (let index = at + 1; index < events.length; index++) events[index] = { ...events[index]!, seq: index + 1 };
  }
  return events;
}

async function* pagesOf(events: StoredChainedEvent[], pageSize: number): AsyncGenerator<StoredChainedEvent[]> {
  for (let index = 0; index < events.length; index += pageSize) yield events.slice(index, index + pageSize);
}

/** Verifies [from, to] in segments cut at the given sequence numbers, as the threads do, and joins them. */
async function verifyInSegments(events: StoredChainedEvent[], to: number, cuts: number[], periodFirst: number) {
  const bounds = [1, ...cuts.filter((cut) => cut > 1 && cut <= to), to + 1].sort((a, b) => a - b);
  const segments = [];
  for (let index = 0; index + 1 < bounds.length; index++) {
    const [from, end] = [bounds[index]!, bounds[index + 1]! - 1];
    if (from > end) continue;
    const inRange = events.filter((event) => event.seq >= from && event.seq <= end);
    segments.push(
      await verifyChainSegment(pagesOf(inRange, 3), hashAuditEvent, { periodFirst, wantedSeqs: [5, 20, 33] }),
    );
  }
  return joinChainSegments(segments, { seq: 1, prevHash: genesisHash });
}

const tamperArbitrary: fc.Arbitrary<Tamper> = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.record({
    kind: fc.constantFrom("edit" as const, "delete" as const, "swap" as const, "insert" as const, "redact" as const),
    at: fc.nat(39),
  }),
  fc.record({ kind: fc.constant("truncate" as const), keep: fc.nat(40) }),
);

describe("audit chain verified in segments", () => {
  it("answers exactly what one pass in sequence order answers, wherever the segments are cut", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        tamperArbitrary,
        fc.array(fc.integer({ min: 1, max: 41 }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 40 }),
        async (length, tamper, cuts, periodFirst) => {
          const events = tampered(length, tamper);
          const to = Math.max(0, ...events.map((event) => event.seq));
          const whole = await verifyAuditChain(events);
          const joined = await verifyInSegments(events, to, cuts, periodFirst);
          expect(joined.verification).toEqual(whole);
          // Redacted events of the period and checkpoint hashes: only among those verified.
          const verified = events.filter((event) => event.seq <= (whole.lastSeq ?? 0));
          expect(joined.periodRedactedCount).toBe(
            verified.filter((event) => event.seq >= periodFirst && event.redactions).length,
          );
          expect([...joined.storedHashes.keys()].sort((a, b) => a - b)).toEqual(
            verified.filter((event) => [5, 20, 33].includes(event.seq)).map((event) => event.seq),
          );
        },
      ),
      { seed: 20261203, numRuns: 300 },
    );
  });

  it("names the missing event when a segment boundary falls in a gap", async () => {
    const events = chain.slice(0, 20).filter((event) => event.seq < 9 || event.seq > 12);
    const joined = await verifyInSegments(events, 20, [10], 1);
    expect(joined.verification.brokenAt).toEqual({
      seq: 9,
      reason: "Event 9 is missing (the next stored event is 13)",
    });
    expect(joined.verification).toMatchObject({ count: 8, lastSeq: 8 });
  });
});
