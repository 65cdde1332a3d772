// Verification's fast paths: SQLite reads each event's canonical text as the
// database writes it (lib/audit/chain-link-columns.ts); PostgreSQL writes it
// from each line of COPY text as it stands (lib/audit/hash-copy-chain-line.ts).
// Either must agree with the hash of the event's fields for any text an event
// can hold, and where it cannot (a timestamp stored in another form), the
// event is verified again from its fields, whose answer stands.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashAuditEvent, hashChainLink } from "@/lib/audit-chain/hash-audit-event";
import { toUnlinkedAuditEvent } from "@/lib/audit-chain/to-unlinked-audit-event";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { chainLinkColumnsOf } from "@/lib/audit/chain-link-columns";
import {
  readAuditChainHashedLinks,
  readAuditChainLinkPages,
  readAuditChainPages,
} from "@/lib/audit/read-audit-chain-events";
import { verifyStoredAuditChain } from "@/lib/audit/verify-stored-audit-chain";
import { db } from "@/lib/db";
import { rawSqlOf } from "@/lib/db/raw-sql-of";
import { createTestOrg } from "@/tests/support/fixtures";

const raw = rawSqlOf(db);
// Null on PostgreSQL, whose fast path reads COPY lines.
const linkColumns = chainLinkColumnsOf(raw.provider);

/** The hash each stored event's fast path gives, in sequence order (null: it cannot match). */
async function fastPathHashes(orgId: string): Promise<(string | null)[]> {
  const hashes: (string | null)[] = [];
  if (linkColumns) {
    for await (const page of readAuditChainLinkPages(raw, orgId, everything, linkColumns))
      for (const link of page) hashes.push(hashChainLink(link));
  } else {
    for await (const page of readAuditChainHashedLinks(raw, orgId, everything))
      for (const link of page) hashes.push(link.recomputedHash);
  }
  return hashes;
}
const everything = { from: 1, to: Number.MAX_SAFE_INTEGER };

/** Text either database stores as given: no NUL (PostgreSQL refuses it), no lone surrogate (not UTF-8). */
const storableText = fc
  .string({ unit: "binary", maxLength: 24 })
  .filter((text) => !/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text));
/** With the characters JSON escapes, and the ones it leaves alone, made common. */
const awkwardText = fc.oneof(
  storableText,
  fc
    .array(fc.constantFrom('"', "\\", "\n", "\t", "\b", "\u001f", "\u007f", "\u2028", "é", "𝄞", "a", " ", "/"), {
      maxLength: 12,
    })
    .map((parts) => parts.join("")),
);

describe("the verification's fast path", () => {
  it("gives every stored event the hash of its fields, whatever text it holds, from either writer", async () => {
    const org = await createTestOrg();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          actorType: awkwardText,
          actorId: fc.option(awkwardText),
          actorLabel: fc.option(awkwardText),
          action: awkwardText,
          category: awkwardText,
          targetType: fc.option(awkwardText),
          targetId: fc.option(awkwardText),
          agentId: fc.option(awkwardText),
          outcome: awkwardText,
          ip: fc.option(awkwardText),
          // Any key but `__proto__`, which no writer accepts (tests/api/ingest-proto-keys.test.ts).
          metadata: fc.option(
            fc.dictionary(
              awkwardText.filter((key) => key !== "__proto__"),
              fc.oneof(awkwardText, fc.integer(), fc.boolean()),
            ),
          ),
          millisecond: fc.integer({ min: 0, max: 999 }),
          ingested: fc.option(fc.record({ apiKeyId: fc.option(awkwardText), userId: fc.option(awkwardText) })),
        }),
        async ({ millisecond, ingested, ...fields }) => {
          const event = toUnlinkedAuditEvent(
            crypto.randomUUID(),
            { ...fields, orgId: org.orgId, occurredAt: new Date(Date.UTC(2026, 5, 1, 12, 0, 0, millisecond)) },
            ingested ? { kind: "ingest", ...ingested } : { kind: "attest" },
          );
          await db.$transaction((tx) => appendAuditEvents(tx, org.orgId, [event]), chainTransactionOptions);
        },
      ),
      { numRuns: 60 },
    );

    const fieldHashes: string[] = [];
    for await (const page of readAuditChainPages(raw, org.orgId, everything))
      for (const stored of page) {
        expect(hashAuditEvent(stored)).toBe(stored.hash);
        fieldHashes.push(stored.hash);
      }
    expect(fieldHashes.length).toBeGreaterThanOrEqual(60);
    expect(await fastPathHashes(org.orgId)).toEqual(fieldHashes);
  }, 120_000);

  it.skipIf(!linkColumns)(
    "verifies an event whose stored timestamp the database writes otherwise from its fields, and still catches a change after it",
    async () => {
      const org = await createTestOrg();
      for (let minute = 0; minute < 6; minute++) {
        const event = toUnlinkedAuditEvent(
          crypto.randomUUID(),
          {
            orgId: org.orgId,
            occurredAt: new Date(Date.UTC(2026, 5, 1, 12, minute)),
            actorType: "user",
            action: "user.updated",
            category: "user_admin",
            outcome: "success",
          },
          { kind: "attest" },
        );
        await db.$transaction((tx) => appendAuditEvents(tx, org.orgId, [event]), chainTransactionOptions);
      }
      // The same instant in another text form, which the fast path does not take as its own.
      await db.$executeRaw`UPDATE "AuditEvent" SET "occurredAt" = '2026-06-01T12:02:00Z' WHERE "orgId" = ${org.orgId} AND "seq" = 3`;
      const links: (string | null)[] = [];
      for await (const page of readAuditChainLinkPages(raw, org.orgId, everything, linkColumns!))
        for (const link of page) links.push(hashChainLink(link) === link.hash ? "matches" : null);
      expect(links[2]).toBeNull();
      expect(await verifyStoredAuditChain(db, org.orgId)).toMatchObject({ status: "verified", count: 6, lastSeq: 6 });

      await db.$executeRaw`UPDATE "AuditEvent" SET "outcome" = 'failure' WHERE "orgId" = ${org.orgId} AND "seq" = 5`;
      expect(await verifyStoredAuditChain(db, org.orgId)).toMatchObject({
        status: "broken",
        lastSeq: 4,
        count: 4,
        brokenAt: { seq: 5 },
      });
    },
  );
});
