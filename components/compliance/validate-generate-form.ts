// Client-side checks mirroring the API's (so the common mistakes never leave the browser),
// and the mapping of the API's field errors onto the same form fields.
import type { GenerateFormValues } from "@/components/compliance/generate-form-values";
import type { GenerateReportInput } from "@/components/compliance/use-generate-report";

export type GenerateFormField = "type" | "from" | "to" | "agent" | "form";
export type GenerateFormErrors = Partial<Record<GenerateFormField, string[]>>;

// Mirrors lib/compliance/schemas.ts (a unit test keeps them equal) without bundling zod into the page.
export const maxRangeYears = 5;
export const maxAgentIds = 100;

function parseDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  // Rejects impossible days such as 2026-02-30, which Date would roll over.
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

function addYears(day: Date, years: number): Date {
  // Same rule as the server: 29 Feb + n years rolls over to 1 Mar.
  return new Date(Date.UTC(day.getUTCFullYear() + years, day.getUTCMonth(), day.getUTCDate()));
}

export function validateGenerateForm(
  values: GenerateFormValues,
): { errors: GenerateFormErrors; input: null } | { errors: null; input: GenerateReportInput } {
  const errors: GenerateFormErrors = {};
  const add = (field: GenerateFormField, message: string) => (errors[field] ??= []).push(message);

  if (values.type === "gdpr") {
    const agentId = values.agentIds[0];
    if (!agentId) add("agent", "Select an agent: a GDPR export covers exactly one agent.");
    return agentId && Object.keys(errors).length === 0
      ? { errors: null, input: { type: "gdpr", agentId } }
      : { errors, input: null };
  }

  const from = parseDay(values.from);
  const to = parseDay(values.to);
  if (!values.from) add("from", "Choose a start date.");
  else if (!from) add("from", "Enter a valid date (YYYY-MM-DD).");
  if (!values.to) add("to", "Choose an end date.");
  else if (!to) add("to", "Enter a valid date (YYYY-MM-DD).");
  if (from && to) {
    if (from > to) add("to", "To must be on or after From.");
    else if (to >= addYears(from, maxRangeYears)) add("to", `The range can span at most ${maxRangeYears} years.`);
  }
  if (values.type === "audit" && values.agentIds.length > 1)
    add("agent", "An Audit Summary can be scoped to one agent.");
  if (values.agentIds.length > maxAgentIds) add("agent", `Select at most ${maxAgentIds} agents.`);

  if (Object.keys(errors).length > 0) return { errors, input: null };
  return {
    errors: null,
    input: { type: values.type, dateRange: { from: values.from, to: values.to }, agentIds: values.agentIds },
  };
}

/** Puts each server field message next to its control; anything unrecognised goes to the form, never dropped. */
export function mapServerFieldErrors(fields: Record<string, string[]>): GenerateFormErrors {
  const errors: GenerateFormErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    const field: GenerateFormField =
      path === "dateRange.from" || path === "dateRange"
        ? "from"
        : path === "dateRange.to"
          ? "to"
          : path === "agentId" || path.startsWith("agentIds")
            ? "agent"
            : path === "type"
              ? "type"
              : "form";
    const shown = field === "form" && path ? messages.map((message) => `${path}: ${message}`) : messages;
    (errors[field] ??= []).push(...shown);
  }
  return errors;
}
