// The columns of the Art. 30 register as a spreadsheet: the same for export and
// import, so an exported file re-imports as it is. Each names one field of the
// processing-activities ingest record (lib/ingest/schemas.ts).
import type { ProcessingActivityRecord } from "@/lib/ingest/schemas";

type RecordField = Exclude<keyof ProcessingActivityRecord, "orgId">;

export const registerColumns = [
  "id",
  "agent_id",
  "name",
  "purpose",
  "legal_basis",
  "data_categories",
  "subject_categories",
  "recipients",
  "retention",
  "third_country_transfers",
  "data_source",
  "automated_decision_making",
  "automated_decision_logic",
] as const;

export type RegisterColumn = (typeof registerColumns)[number];

export const fieldOfColumn: Record<RegisterColumn, RecordField> = {
  id: "id",
  agent_id: "agentId",
  name: "name",
  purpose: "purpose",
  legal_basis: "legalBasis",
  data_categories: "dataCategories",
  subject_categories: "subjectCategories",
  recipients: "recipients",
  retention: "retention",
  third_country_transfers: "thirdCountryTransfers",
  data_source: "dataSource",
  automated_decision_making: "automatedDecisionMaking",
  automated_decision_logic: "automatedDecisionLogic",
};

export const columnOfField = Object.fromEntries(
  Object.entries(fieldOfColumn).map(([column, field]) => [field, column]),
) as Record<RecordField, RegisterColumn>;

/** A file must have these; the others may be left out (empty for every row). */
export const requiredRegisterColumns: readonly RegisterColumn[] = [
  "id",
  "name",
  "purpose",
  "legal_basis",
  "data_categories",
  "subject_categories",
  "retention",
];

/** Largest register file accepted: the ingest API's body limit, for the same at most 1,000 activities. */
export { maxIngestBodyBytes as maxRegisterCsvBytes } from "@/lib/ingest/schemas";
