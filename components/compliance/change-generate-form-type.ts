// Switching the Generate form to another report type. A value survives only
// where the new type asks for the same thing (same kind of field, same body
// name); a slot the old type used for something else is reset, so an agent
// chosen for one type never silently scopes another. Slots the old type did
// not use keep what they held (dates set before a look at an agent-only type).
import { defaultGenerateFormValues, type GenerateFormValues } from "@/components/compliance/generate-form-values";
import {
  findReportTypeOption,
  type ReportFormField,
  type ReportTypeCatalogue,
} from "@/components/compliance/report-type-options";
import type { ReportType } from "@/components/compliance/report-resource";

type Slot = "period" | "agents";

function slotOf(field: ReportFormField): Slot {
  return field.kind === "period" ? "period" : "agents";
}

export function changeGenerateFormType(
  values: GenerateFormValues,
  type: ReportType,
  catalogue: ReportTypeCatalogue,
  now: Date = new Date(),
): GenerateFormValues {
  const previous = findReportTypeOption(catalogue, values.type)?.form ?? [];
  const next = findReportTypeOption(catalogue, type)?.form ?? [];
  const defaults = defaultGenerateFormValues(catalogue, now);
  const changed: GenerateFormValues = { ...values, type };

  for (const field of next) {
    if (field.kind === "data_subject_request") continue;
    const shared = previous.some((candidate) => candidate.kind === field.kind && candidate.name === field.name);
    const slot = slotOf(field);
    if (shared) {
      // The same choice, possibly narrower (several agents → one).
      if (field.kind !== "period") changed.agentIds = values.agentIds.slice(0, field.kind === "agent" ? 1 : field.max);
    } else if (previous.some((candidate) => candidate.kind !== "data_subject_request" && slotOf(candidate) === slot)) {
      if (slot === "period") Object.assign(changed, { from: defaults.from, to: defaults.to });
      else changed.agentIds = [];
    }
  }
  return changed;
}
