// Switching the Generate form's type: what the new type shares survives, what
// it does not share is reset (an agent chosen for one type never scopes another).
import { describe, expect, it } from "vitest";
import { changeGenerateFormType } from "@/components/compliance/change-generate-form-type";
import { listReportTypes } from "@/lib/compliance/requests/list-report-types";

const catalogue = listReportTypes();
const now = new Date("2026-03-15T12:00:00Z");
const period = { from: "2026-01-01", to: "2026-01-31" };

describe("changeGenerateFormType", () => {
  it("does not carry the agent of a GDPR export into an Audit Summary's optional filter", () => {
    const gdpr = { type: "gdpr" as const, ...period, agentIds: ["a1"] };
    expect(changeGenerateFormType(gdpr, "audit", catalogue, now)).toEqual({ type: "audit", ...period, agentIds: [] });
  });

  it("does not turn a SOC2 agent filter into the one agent a GDPR export covers", () => {
    const soc2 = { type: "soc2" as const, ...period, agentIds: ["a1", "a2"] };
    expect(changeGenerateFormType(soc2, "gdpr", catalogue, now).agentIds).toEqual([]);
  });

  it("keeps a shared agent filter, narrowed to what the new type takes", () => {
    const soc2 = { type: "soc2" as const, ...period, agentIds: ["a1", "a2"] };
    expect(changeGenerateFormType(soc2, "audit", catalogue, now)).toEqual({
      type: "audit",
      ...period,
      agentIds: ["a1"],
    });
    const audit = { type: "audit" as const, ...period, agentIds: ["a1"] };
    expect(changeGenerateFormType(audit, "soc2", catalogue, now)).toEqual({
      type: "soc2",
      ...period,
      agentIds: ["a1"],
    });
  });

  it("keeps the period through a look at a type without one", () => {
    const soc2 = { type: "soc2" as const, ...period, agentIds: [] };
    const viaGdpr = changeGenerateFormType(
      changeGenerateFormType(soc2, "gdpr", catalogue, now),
      "soc2",
      catalogue,
      now,
    );
    expect(viaGdpr).toEqual(soc2);
  });
});
