// The Generate form's client checks: same verdicts as the API's schemas, messages on the right field.
import { describe, expect, it } from "vitest";
import { defaultGenerateFormValues, generateFormValuesFor } from "@/components/compliance/generate-form-values";
import {
  mapServerFieldErrors,
  validateGenerateForm as validateWith,
  type GenerateFormErrors,
} from "@/components/compliance/validate-generate-form";
import type { GenerateFormValues } from "@/components/compliance/generate-form-values";
import * as periodBody from "@/lib/compliance/reports/period-report-body";
import * as schemas from "@/lib/compliance/reports/report-body-fields";
import { listReportTypes } from "@/lib/compliance/requests/list-report-types";

const catalogue = listReportTypes();
const validateGenerateForm = (values: GenerateFormValues) => validateWith(values, catalogue);

const base = { type: "soc2" as const, from: "2026-01-01", to: "2026-01-31", agentIds: [] };

describe("validateGenerateForm", () => {
  it("uses the server's limits, which the catalogue carries", () => {
    const soc2 = catalogue.find((option) => option.type === "soc2")!.form;
    expect(soc2).toContainEqual(expect.objectContaining({ kind: "period", maxYears: schemas.maxRangeYears }));
    expect(soc2).toContainEqual(expect.objectContaining({ kind: "agents", max: schemas.maxAgentIds }));
    const ids = Array.from({ length: schemas.maxAgentIds + 1 }, (_, index) => `a${index}`);
    const errors: GenerateFormErrors | null = validateGenerateForm({ ...base, agentIds: ids }).errors;
    expect(errors).toEqual({ agent: [`Select at most ${schemas.maxAgentIds} agents.`] });
  });

  it("accepts a valid period report and builds the request input", () => {
    expect(validateGenerateForm({ ...base, agentIds: ["a1", "a2"] })).toEqual({
      errors: null,
      input: { type: "soc2", dateRange: { from: "2026-01-01", to: "2026-01-31" }, agentIds: ["a1", "a2"] },
    });
  });

  it("puts from > to on the To field, as the server does", () => {
    const result = validateGenerateForm({ ...base, from: "2026-02-01", to: "2026-01-31" });
    expect(result.errors).toEqual({ to: ["To must be on or after From."] });
    expect(
      periodBody.periodReportBodySchema.safeParse({ dateRange: { from: "2026-02-01", to: "2026-01-31" } }).success,
    ).toBe(false);
  });

  it("rejects impossible and missing dates and ranges of five years or more, agreeing with the server", () => {
    for (const [from, to] of [
      ["2026-02-30", "2026-03-01"],
      ["", "2026-03-01"],
      ["2020-01-01", "2025-01-01"],
    ] as const) {
      expect(validateGenerateForm({ ...base, from, to }).errors).not.toBeNull();
      expect(periodBody.periodReportBodySchema.safeParse({ dateRange: { from, to } }).success).toBe(false);
    }
    expect(validateGenerateForm({ ...base, from: "", to: "2026-03-01" }).errors).toEqual({
      from: ["Choose a start date."],
    });
    expect(validateGenerateForm({ ...base, from: "2020-01-01", to: "2024-12-31" }).errors).toBeNull();
    expect(
      periodBody.periodReportBodySchema.safeParse({ dateRange: { from: "2020-01-01", to: "2024-12-31" } }).success,
    ).toBe(true);
  });

  it("refuses a To after today (UTC) on the To field, as the server does", () => {
    const now = new Date("2026-03-15T23:30:00Z");
    const result = validateWith({ ...base, from: "2026-03-01", to: "2026-03-16" }, catalogue, now);
    expect(result.errors).toEqual({ to: ["To cannot be after today (2026-03-15, UTC)."] });
    expect(validateWith({ ...base, from: "2026-03-01", to: "2026-03-15" }, catalogue, now).errors).toBeNull();
  });

  it("requires exactly one agent for GDPR and ignores the dates", () => {
    expect(validateGenerateForm({ ...base, type: "gdpr", from: "", to: "" }).errors).toEqual({
      agent: ["Select an agent: a GDPR export covers exactly one agent."],
    });
    expect(validateGenerateForm({ ...base, type: "gdpr", from: "", to: "", agentIds: ["a1"] })).toEqual({
      errors: null,
      input: { type: "gdpr", agentId: "a1" },
    });
  });
});

describe("mapServerFieldErrors", () => {
  it("places known paths next to their fields and keeps unknown ones for the form", () => {
    expect(
      mapServerFieldErrors(
        {
          "dateRange.to": ["`to` must be on or after `from`"],
          agentId: ["A GDPR export needs `agentId`"],
          "agentIds.1": ["Unknown agent"],
          extra: ["Unrecognized key"],
        },
        catalogue,
      ),
    ).toEqual({
      to: ["`to` must be on or after `from`"],
      agent: ["A GDPR export needs `agentId`", "Unknown agent"],
      form: ["extra: Unrecognized key"],
    });
  });
});

describe("generate form values", () => {
  it("defaults to the last 30 days, today included", () => {
    expect(defaultGenerateFormValues(catalogue, new Date("2026-03-15T23:30:00Z"))).toEqual({
      type: "soc2",
      from: "2026-02-14",
      to: "2026-03-15",
      agentIds: [],
    });
  });

  it("prefills from a report's scope (Regenerate)", () => {
    expect(
      generateFormValuesFor({
        type: "audit",
        scope: { dateRange: { from: "2025-01-01", to: "2025-03-31" }, agentIds: ["a9"] },
      }),
    ).toEqual({ type: "audit", from: "2025-01-01", to: "2025-03-31", agentIds: ["a9"] });
  });
});
