import { describe, expect, it } from "vitest";
import { genesisHash, type ChainedAuditEvent } from "@/lib/audit-chain/chained-audit-event";
import { hashAuditEvent } from "@/lib/audit-chain/hash-audit-event";
import { redactChainedEvent } from "@/lib/audit-chain/redact-chained-event";
import { verifyAuditChain } from "@/lib/audit-chain/verify-audit-chain";
import { buildChain } from "@/tests/support/build-audit-chain";

describe("audit chain", () => {
  it("verifies an untouched chain and reports its head", async () => {
    const chain = buildChain(20);
    expect(await verifyAuditChain(chain)).toEqual({
      status: "verified",
      firstSeq: 1,
      lastSeq: 20,
      count: 20,
      headHash: chain[19]?.hash,
      redactedCount: 0,
    });
  });

  it("is a different hash for any change of a covered field, the source included", () => {
    const [event] = buildChain(1) as [ChainedAuditEvent & { hash: string }];
    const variants: Partial<ChainedAuditEvent>[] = [
      { action: "auth.logout" },
      { occurredAt: new Date(event.occurredAt.getTime() + 1) },
      { orgId: "org_2" },
      { seq: 2 },
      { prevHash: "f".repeat(64) },
      { actorLabel: "john@acme.test" },
      { ip: "203.0.113.8" },
      { source: { kind: "ingest", apiKeyId: "key_2", userId: null } },
      { outcome: "failure" },
    ];
    for (const change of variants) expect(hashAuditEvent({ ...event, ...change })).not.toBe(event.hash);
  });

  it("finds an edited field at its sequence number", async () => {
    const chain = buildChain(10);
    chain[6] = { ...chain[6]!, action: "auth.logout" };
    expect((await verifyAuditChain(chain)).brokenAt).toEqual({
      seq: 7,
      reason: "Event 7 was changed after it was written (its hash does not match)",
    });
  });

  it("finds a deleted event, an inserted one, two swapped and an edit of the personal data", async () => {
    const deleted = buildChain(10);
    deleted.splice(4, 1);
    expect((await verifyAuditChain(deleted)).brokenAt?.seq).toBe(5);

    const inserted = buildChain(10);
    const forged = { ...inserted[3]!, id: "evt_forged", action: "auth.login" };
    inserted.splice(4, 0, forged);
    expect((await verifyAuditChain(inserted)).brokenAt?.seq).toBe(4);

    const swapped = buildChain(10);
    const [a, b] = [swapped[2]!, swapped[3]!];
    swapped[2] = { ...b, seq: 3 };
    swapped[3] = { ...a, seq: 4 };
    expect((await verifyAuditChain(swapped)).brokenAt?.seq).toBe(3);

    const personal = buildChain(10);
    personal[2] = { ...personal[2]!, actorLabel: "someone@else.test" };
    expect((await verifyAuditChain(personal)).brokenAt?.seq).toBe(3);
  });

  it("verifies a run from the middle given the previous event's hash, and refuses a wrong start", async () => {
    const chain = buildChain(10);
    const tail = chain.slice(5);
    expect(await verifyAuditChain(tail, { seq: 6, prevHash: chain[4]!.hash })).toMatchObject({
      status: "verified",
      firstSeq: 6,
      lastSeq: 10,
      count: 5,
    });
    expect((await verifyAuditChain(tail, { seq: 6, prevHash: genesisHash })).brokenAt?.seq).toBe(6);
  });

  it("keeps verifying after personal fields are erased, counting the event as redacted", async () => {
    const chain = buildChain(6);
    const target = chain[2]!; // seq 3: user event with metadata
    const erased = redactChainedEvent(target, ["actorLabel", "ip", "metadata.email"]);
    expect(erased.actorLabel).toBeNull();
    expect(erased.metadata).toEqual({ before: { tools: ["a"] }, after: { tools: ["a", "b"] } });
    expect(Object.keys(erased.redactions ?? {}).sort()).toEqual(["actorLabel", "ip", "metadata.email"]);
    chain[2] = { ...target, ...erased };
    expect(await verifyAuditChain(chain)).toMatchObject({ status: "verified", count: 6, redactedCount: 1 });
    expect(JSON.stringify(chain[2])).not.toContain("jane@acme.test");
  });

  it("breaks when an erased value is put back or changed, or a digest is forged", async () => {
    const chain = buildChain(6);
    const erased = { ...chain[2]!, ...redactChainedEvent(chain[2]!, ["actorLabel"]) };
    const restored = [...chain];
    restored[2] = { ...erased, actorLabel: "jane@acme.test" };
    expect((await verifyAuditChain(restored)).brokenAt?.seq).toBe(3);

    const forgedDigest = [...chain];
    forgedDigest[2] = { ...erased, redactions: { actorLabel: "0".repeat(64) } };
    expect((await verifyAuditChain(forgedDigest)).brokenAt?.seq).toBe(3);
  });
});
