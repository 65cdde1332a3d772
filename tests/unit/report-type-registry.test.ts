// Every registered report type, iterated: it validates its seed body, turns it
// into a scope its own scope schema reads back, titles it, appears in the
// catalogue and the Generate form, and the form's checks agree with its schema.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GenerateReportForm } from "@/components/compliance/generate-report-form";
import { ReportTypeCatalogueProvider } from "@/components/compliance/report-type-catalogue-context";
import { toReportRequestBody } from "@/components/compliance/use-generate-report";
import { validateGenerateForm } from "@/components/compliance/validate-generate-form";
import { reportDefinitions } from "@/lib/compliance/reports";
import { parseStoredReportScope } from "@/lib/compliance/reports/parse-stored-report-scope";
import {
  findReportType,
  reportTypeRegistry,
  reportTypes,
  type RegisteredReportType,
  type ReportType,
} from "@/lib/compliance/reports/registry";
import { listReportTypes } from "@/lib/compliance/requests/list-report-types";
import { listReportsQuerySchema, parseReportType } from "@/lib/compliance/requests/schemas";
import { sampleFormValues, sampleReportBody, sampleRequestId } from "@/tests/support/sample-report-request";

const catalogue = listReportTypes();
// Seen through the contract every type shares, as the API sees them.
const registered: readonly RegisteredReportType[] = reportTypeRegistry;
const agentIds = ["agent-1"];
/** Types generated from a recorded data-subject request name no agent: every agent is searched. */
const isFromRequest = (definition: RegisteredReportType) =>
  definition.form.some((field) => field.kind === "data_subject_request");

function renderForm(type: ReportType): string {
  const initialValues = sampleFormValues(type, []);
  const form = createElement(GenerateReportForm, { initialValues, onGenerated: () => undefined });
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(
        ReportTypeCatalogueProvider,
        // children follow as createElement's third argument
        { catalogue } as ComponentProps<typeof ReportTypeCatalogueProvider>,
        form,
      ),
    ),
  );
}

describe("the report-type registry", () => {
  it("holds each type once, under a name that is a safe URL segment", () => {
    expect(new Set(reportTypes).size).toBe(reportTypeRegistry.length);
    for (const type of reportTypes) expect(type).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(new Set(reportTypeRegistry.map((definition) => definition.label)).size).toBe(reportTypeRegistry.length);
  });

  it("is what the API accepts and lists, and what the engine builds", () => {
    for (const definition of reportTypeRegistry) {
      expect(parseReportType(definition.type)).toBe(definition.type);
      expect(listReportsQuerySchema.parse({ type: definition.type }).type).toBe(definition.type);
      expect(reportDefinitions[definition.type].build).toBe(definition.build);
      expect(definition.csvColumns.length).toBeGreaterThan(0);
    }
  });

  describe.each(registered.map((definition) => [definition.type, definition] as const))("%s", (_, definition) => {
    it("validates its seed body, refuses an unknown key, and stores a scope its scope schema reads back", () => {
      const body = definition.bodySchema.parse(sampleReportBody(definition.form, agentIds));
      expect(definition.bodySchema.safeParse({ ...body, unexpected: 1 }).success).toBe(false);
      const scope = definition.toScope(body);
      const stored = JSON.parse(JSON.stringify(scope)) as unknown;
      expect(parseStoredReportScope(definition.type, stored)).toEqual(scope);
      // Every agent the body names is in the scope, so the org check covers it.
      expect(scope.agentIds).toEqual(isFromRequest(definition) ? [] : agentIds);
      expect(definition.form.some((field) => field.name === definition.agentsField)).toBe(true);
    });

    it("titles a report with its label first", () => {
      const scope = definition.toScope(definition.bodySchema.parse(sampleReportBody(definition.form, agentIds)));
      const title = definition.title(scope, ["Support Triage"]);
      expect(title.startsWith(`${definition.label} — `)).toBe(true);
      if (isFromRequest(definition)) expect(title).toContain(sampleRequestId);
      else expect(title).toContain("Support Triage");
    });

    it("is in the catalogue with its label, description and form", () => {
      expect(catalogue.find((option) => option.type === definition.type)).toEqual({
        type: definition.type,
        label: definition.label,
        badge: definition.badge,
        tone: definition.tone,
        description: definition.description,
        form: definition.form,
      });
    });

    it("sends from the filled-in form exactly the body its schema accepts", () => {
      const checked = validateGenerateForm(sampleFormValues(definition.type, agentIds), catalogue);
      if (isFromRequest(definition)) {
        // Generated on the request's own page, which knows the request: the form sends nothing and says where.
        expect(checked.errors?.form?.[0]).toContain("Data-subject requests");
        return;
      }
      expect(checked.errors).toBeNull();
      const body = toReportRequestBody(checked.input!);
      expect(body).toEqual(sampleReportBody(definition.form, agentIds));
      expect(definition.bodySchema.safeParse(body).success).toBe(true);
    });

    it("refuses in the form what its schema refuses: nothing filled in", () => {
      const empty = { type: definition.type, from: "", to: "", agentIds: [] };
      const checked = validateGenerateForm(empty, catalogue);
      const isServerValid = definition.bodySchema.safeParse(toReportRequestBody({ type: definition.type })).success;
      expect(checked.errors === null).toBe(isServerValid);
    });

    it("appears in the Generate form, which asks for its fields when chosen", () => {
      const html = renderForm(definition.type);
      expect(html).toContain(`<option value="${definition.type}" selected="">${definition.label}</option>`);
      expect(html).toContain(definition.description);
      for (const field of definition.form) {
        if (field.kind === "data_subject_request") {
          expect(html).toContain('href="/dashboard/compliance/requests"');
          continue;
        }
        if (field.kind === "period") expect(html).toMatch(/>From<\/label>[\s\S]*>To<\/label>/);
        else if (field.kind === "agents" && field.max > 1)
          expect(html).toContain(`<legend class="text-sm font-medium text-slate-700">Agents (optional)</legend>`);
        else expect(html).toContain(`>Agent (${field.isRequired ? "required" : "optional"})</label>`);
        if (field.kind !== "period") expect(html).toContain(escapeHtml(field.help));
      }
      if (!definition.form.some((field) => field.kind === "period")) expect(html).not.toContain(">From</label>");
    });
  });

  it("finds nothing for a type it does not hold", () => {
    expect(findReportType("pdf")).toBeUndefined();
    expect(() => parseStoredReportScope("pdf", {})).toThrow('No report type "pdf" is registered');
  });
});

describe("stored scopes", () => {
  it("fail closed with the reason when they do not fit their type", () => {
    expect(() => parseStoredReportScope("gdpr", { agentIds: ["a", "b"] })).toThrow(
      "The stored scope of this GDPR Export is invalid: agentIds: A GDPR export covers exactly one agent",
    );
    expect(() => parseStoredReportScope("soc2", { agentIds: [] })).toThrow(/SOC2 Summary is invalid: dateRange/);
    expect(parseStoredReportScope("audit", { dateRange: { from: "2026-01-01", to: "2026-01-31" } })).toEqual({
      dateRange: { from: "2026-01-01", to: "2026-01-31" },
      agentIds: [],
    });
  });
});

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}
