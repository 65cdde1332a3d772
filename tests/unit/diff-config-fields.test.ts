// What counts as a change of an ingested configuration record: only fields
// whose JSON value differs; fields left out are no change.
import { describe, expect, it } from "vitest";
import { diffConfigFields } from "@/lib/ingest/diff-config-fields";

describe("diffConfigFields", () => {
  it("returns only the changed fields, before and after", () => {
    expect(
      diffConfigFields(
        { name: "Triage", dailySendLimit: 500, allowedTools: ["a", "b"] },
        { name: "Triage", dailySendLimit: 50, allowedTools: ["a"] },
      ),
    ).toEqual({
      before: { dailySendLimit: 500, allowedTools: ["a", "b"] },
      after: { dailySendLimit: 50, allowedTools: ["a"] },
    });
  });

  it("is null when nothing changes: same JSON whatever the key order, dates as instants, left-out fields", () => {
    expect(
      diffConfigFields(
        { transfers: [{ country: "US", safeguard: "DPF" }], at: new Date("2026-03-01T00:00:00Z"), kept: "x" },
        { transfers: [{ safeguard: "DPF", country: "US" }], at: new Date("2026-03-01T00:00:00.000Z"), kept: undefined },
      ),
    ).toBeNull();
  });

  it("treats a list's order and a value set to null as changes", () => {
    expect(diffConfigFields({ tools: ["a", "b"] }, { tools: ["b", "a"] })).not.toBeNull();
    expect(diffConfigFields({ agentId: "a1" }, { agentId: null })).toEqual({
      before: { agentId: "a1" },
      after: { agentId: null },
    });
    expect(diffConfigFields({}, { pattern: null })).toBeNull();
  });
});
