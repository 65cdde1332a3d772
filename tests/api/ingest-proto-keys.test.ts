// A `__proto__` key anywhere in a body is a 400 naming it: JSON.parse keeps
// it as data, but Prisma's JSON writer drops it, so an event would be hashed
// with it and stored without it (and verify as broken). `constructor` keys
// are plain data and go through.
import { describe, expect, it } from "vitest";
import { toUnlinkedAuditEvent } from "@/lib/audit-chain/to-unlinked-audit-event";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { verifyStoredAuditChain } from "@/lib/audit/verify-stored-audit-chain";
import { db } from "@/lib/db";
import type { ErrorBody } from "@/tests/support/error-body";
import { auditEventBatchWith, postAuditEvents, setUpIngestWriter } from "@/tests/support/ingest-audit-event-batch";

const writer = setUpIngestWriter();

const storedEvents = () => db.auditEvent.count({ where: { orgId: writer.orgId } });

describe("`__proto__` keys in ingested JSON", () => {
  it.each([
    ["a metadata key", '{"__proto__":{"a":1},"b":2}', "records.0.metadata.__proto__"],
    ["a key nested in an array", '{"list":[1,{"__proto__":"x"}]}', "records.0.metadata.list.1.__proto__"],
    ["a key written with escapes", '{"\\u005f\\u005fproto\\u005f_":true}', "records.0.metadata.__proto__"],
  ])("answers 400 naming %s, and writes nothing", async (_, metadata, field) => {
    const before = await storedEvents();

    const response = await postAuditEvents(writer.key, auditEventBatchWith("metadata", metadata));

    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe("validation_failed");
    expect(error.details?.fields).toEqual({ [field]: ["`__proto__` is not accepted as a key"] });
    expect(await storedEvents()).toBe(before);
  });

  it("accepts `constructor` keys, stores them and verifies the chain", async () => {
    const response = await postAuditEvents(
      writer.key,
      auditEventBatchWith("metadata", '{"constructor":{"prototype":1},"toString":"x"}'),
    );

    expect(response.status).toBe(201);
    const stored = await db.auditEvent.findFirst({ where: { orgId: writer.orgId }, orderBy: { seq: "desc" } });
    expect(stored?.metadata).toEqual({ constructor: { prototype: 1 }, toString: "x" });
    expect(await verifyStoredAuditChain(db, writer.orgId)).toMatchObject({ status: "verified" });
  });

  it("is refused by Attest's own writer too, which stores JSON through Prisma", async () => {
    const before = await storedEvents();
    const event = toUnlinkedAuditEvent(
      crypto.randomUUID(),
      {
        orgId: writer.orgId,
        occurredAt: new Date(),
        actorType: "system",
        action: "system.checked",
        category: "system_config",
        outcome: "success",
        metadata: { nested: JSON.parse('{"__proto__":1}') as unknown },
      },
      { kind: "attest" },
    );

    await expect(
      db.$transaction((tx) => appendAuditEvents(tx, writer.orgId, [event]), chainTransactionOptions),
    ).rejects.toThrow("metadata.nested.__proto__");
    expect(await storedEvents()).toBe(before);
  });
});
