// Text that is not valid Unicode (a lone surrogate, which JSON allows as an
// escape) is a 400 naming the field: UTF-8 cannot carry it, so the driver
// stored U+FFFD instead and the event verified as broken (PostgreSQL's jsonb
// refused it outright, a 500). A surrogate pair is valid text and goes through.
import { describe, expect, it } from "vitest";
import { verifyStoredAuditChain } from "@/lib/audit/verify-stored-audit-chain";
import { db } from "@/lib/db";
import type { ErrorBody } from "@/tests/support/error-body";
import { auditEventBatchWith, postAuditEvents, setUpIngestWriter } from "@/tests/support/ingest-audit-event-batch";

const writer = setUpIngestWriter();

const storedEvents = () => db.auditEvent.count({ where: { orgId: writer.orgId } });

describe("lone surrogates in ingested text", () => {
  it.each([
    ["a metadata value", "metadata", '{"reason":"x\\ud800"}', "records.0.metadata.reason"],
    ["a metadata key", "metadata", '{"\\udc00":1}', "records.0.metadata.\\udc00"],
    ["a text field", "actorLabel", '"Ada \\udbff"', "records.0.actorLabel"],
  ])("answers 400 naming %s, and writes nothing", async (_, field, json, path) => {
    const before = await storedEvents();

    const response = await postAuditEvents(writer.key, auditEventBatchWith(field, json));

    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.details?.fields ?? {})).toEqual([path]);
    expect(await storedEvents()).toBe(before);
  });

  it("accepts a surrogate pair written as escapes, stores the character and verifies", async () => {
    const response = await postAuditEvents(writer.key, auditEventBatchWith("metadata", '{"note":"\\ud83d\\ude00"}'));

    expect(response.status).toBe(201);
    const stored = await db.auditEvent.findFirst({ where: { orgId: writer.orgId }, orderBy: { seq: "desc" } });
    expect(stored?.metadata).toEqual({ note: "😀" });
    expect(await verifyStoredAuditChain(db, writer.orgId)).toMatchObject({ status: "verified" });
  });
});
