// Client-side checks of the fields the chosen type asks for (same limits as the
// API's schemas, which the catalogue carries), so the common mistakes never
// leave the browser; and the mapping of the API's field errors onto the same fields.
import type { GenerateFormValues } from "@/components/compliance/generate-form-values";
import {
  findReportTypeOption,
  type ReportFormField,
  type ReportTypeCatalogue,
} from "@/components/compliance/report-type-options";
import type { GenerateFieldValue, GenerateReportInput } from "@/components/compliance/use-generate-report";

export type GenerateFormField = "type" | "from" | "to" | "agent" | "form";
export type GenerateFormErrors = Partial<Record<GenerateFormField, string[]>>;

type AddError = (field: GenerateFormField, message: string) => void;

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

/** The current UTC day, YYYY-MM-DD: the server refuses a period ending after it. */
export function todayUtcDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Checks one field and returns the value it sends, or undefined when it sends nothing. */
function checkField(
  field: ReportFormField,
  values: GenerateFormValues,
  add: AddError,
  now: Date,
): GenerateFieldValue | undefined {
  switch (field.kind) {
    case "period": {
      const from = parseDay(values.from);
      const to = parseDay(values.to);
      if (!values.from) add("from", "Choose a start date.");
      else if (!from) add("from", "Enter a valid date (YYYY-MM-DD).");
      if (!values.to) add("to", "Choose an end date.");
      else if (!to) add("to", "Enter a valid date (YYYY-MM-DD).");
      if (from && to) {
        if (from > to) add("to", "To must be on or after From.");
        else if (to >= addYears(from, field.maxYears)) add("to", `The range can span at most ${field.maxYears} years.`);
      }
      if (to && values.to > todayUtcDay(now)) add("to", `To cannot be after today (${todayUtcDay(now)}, UTC).`);
      return { from: values.from, to: values.to };
    }
    case "agent": {
      const agentId = values.agentIds[0];
      if (!agentId && field.isRequired) add("agent", field.requiredMessage ?? "Select an agent.");
      return agentId;
    }
    case "agents": {
      if (values.agentIds.length === 0 && field.isRequired) add("agent", field.requiredMessage ?? "Select an agent.");
      if (values.agentIds.length > field.max)
        add("agent", field.tooManyMessage ?? `Select at most ${field.max} agent${field.max === 1 ? "" : "s"}.`);
      return values.agentIds;
    }
    case "data_subject_request": {
      add("form", "Generate this report from its request: Compliance → Data-subject requests.");
      return undefined;
    }
  }
}

export function validateGenerateForm(
  values: GenerateFormValues,
  catalogue: ReportTypeCatalogue,
  now: Date = new Date(),
): { errors: GenerateFormErrors; input: null } | { errors: null; input: GenerateReportInput } {
  const errors: GenerateFormErrors = {};
  const add: AddError = (field, message) => (errors[field] ??= []).push(message);

  const option = findReportTypeOption(catalogue, values.type);
  if (!option) return { errors: { type: ["Choose a report type."] }, input: null };

  const input: GenerateReportInput = { type: option.type };
  for (const field of option.form) {
    const value = checkField(field, values, add, now);
    if (value !== undefined) input[field.name] = value;
  }
  return Object.keys(errors).length > 0 ? { errors, input: null } : { errors: null, input };
}

/**
 * Puts each server field message next to its control (matched by the body
 * field names the catalogue's types use); anything unrecognised goes to the
 * form, never dropped.
 */
export function mapServerFieldErrors(
  fields: Record<string, string[]>,
  catalogue: ReportTypeCatalogue,
): GenerateFormErrors {
  const formFields = catalogue.flatMap((option) => option.form);
  const errors: GenerateFormErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    const [head, next] = path.split(".");
    const formField = formFields.find((candidate) => candidate.name === head);
    const field: GenerateFormField =
      path === "type"
        ? "type"
        : formField?.kind === "period"
          ? next === "to"
            ? "to"
            : "from"
          : formField
            ? "agent"
            : "form";
    const shown = field === "form" && path ? messages.map((message) => `${path}: ${message}`) : messages;
    (errors[field] ??= []).push(...shown);
  }
  return errors;
}
