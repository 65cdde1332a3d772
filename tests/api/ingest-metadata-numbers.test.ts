// A metadata number beyond what JSON.parse can represent (1e400 reads as
// Infinity) is a 400 naming where it is: it was a 500, since canonical JSON
// cannot write it for the event's hash. Numbers JSON can round-trip go through
// and verify, however they are written.
import { describe, expect, it } from "vitest";
import { verifyStoredAuditChain } from "@/lib/audit/verify-stored-audit-chain";
import { db } from "@/lib/db";
import type { ErrorBody } from "@/tests/support/error-body";
import { auditEventBatchWith, postAuditEvents, setUpIngestWriter } from "@/tests/support/ingest-audit-event-batch";

const writer = setUpIngestWriter();

describe("numbers in ingested metadata", () => {
  it.each([
    ['{"limit":1e400}', "records.0.metadata.limit"],
    ['{"a":[1,{"b":-1e309}]}', "records.0.metadata.a.1.b"],
  ])("answers 400 naming a number out of range in %s", async (metadata, field) => {
    const response = await postAuditEvents(writer.key, auditEventBatchWith("metadata", metadata));

    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.details?.fields).toEqual({ [field]: ["Numbers must be within ±1.8e308"] });
  });

  it("stores numbers JSON can round-trip, however written, and the chain verifies", async () => {
    const response = await postAuditEvents(
      writer.key,
      auditEventBatchWith(
        "metadata",
        '{"zero":-0,"big":123456789012345678901234567890,"tiny":1.5e-320,"max":1.7976931348623157e308}',
      ),
    );

    expect(response.status).toBe(201);
    expect(await verifyStoredAuditChain(db, writer.orgId)).toMatchObject({ status: "verified", count: 1 });
  });
});
