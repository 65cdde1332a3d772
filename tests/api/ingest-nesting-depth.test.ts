// Deeply nested JSON in an ingest body is a 400 naming the field, not a 500.
import { describe, expect, it } from "vitest";
import { maxMetadataDepth } from "@/lib/ingest/schemas";
import type { ErrorBody } from "@/tests/support/error-body";
import { auditEventBatchWith, postAuditEvents, setUpIngestWriter } from "@/tests/support/ingest-audit-event-batch";

const writer = setUpIngestWriter();

function nested(depth: number): unknown {
  let value: unknown = "leaf";
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

describe("nesting depth of ingested JSON", () => {
  it("answers 400 naming the field for metadata nested 10,000 levels", async () => {
    // Built as text: JSON.stringify itself overflows the stack at this depth.
    const deep = '{"a":'.repeat(10_000) + '"leaf"' + "}".repeat(10_000);
    const response = await postAuditEvents(writer.key, auditEventBatchWith("metadata", deep));

    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.details?.fields ?? {})).toEqual(["records.0.metadata"]);
  });

  it("answers 400 naming the field for metadata one level deeper than allowed", async () => {
    const response = await postAuditEvents(
      writer.key,
      auditEventBatchWith("metadata", JSON.stringify(nested(maxMetadataDepth + 1))),
    );

    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.details?.fields?.["records.0.metadata"]).toEqual([
      `Metadata may nest at most ${maxMetadataDepth} levels deep`,
    ]);
  });

  it("accepts metadata nested as deep as allowed", async () => {
    const response = await postAuditEvents(
      writer.key,
      auditEventBatchWith("metadata", JSON.stringify(nested(maxMetadataDepth))),
    );

    expect(response.status).toBe(201);
  });
});
