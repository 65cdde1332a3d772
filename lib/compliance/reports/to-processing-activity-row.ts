import type { ReportRow } from "@/lib/compliance/reports/report-definition";
import type { ProcessingActivityRecord } from "./sources/processing-activity-population";
import { toJsonValue } from "./to-json-value";

/** A processing activity as the GDPR Export and the data-subject access report list it. */
export function toProcessingActivityRow(activity: ProcessingActivityRecord): ReportRow {
  return {
    id: activity.id,
    applies_to: activity.agentId ? "agent" : "organization",
    agent_id: activity.agentId,
    name: activity.name,
    purpose: activity.purpose,
    legal_basis: activity.legalBasis,
    data_categories: toJsonValue(activity.dataCategories),
    subject_categories: toJsonValue(activity.subjectCategories),
    recipients: toJsonValue(activity.recipients),
    retention: activity.retention,
    third_country_transfers: toJsonValue(activity.thirdCountryTransfers),
    data_source: activity.dataSource,
    automated_decision_making: activity.automatedDecisionMaking,
    automated_decision_logic: activity.automatedDecisionLogic,
    created_at: activity.createdAt.toISOString(),
    updated_at: activity.updatedAt.toISOString(),
  };
}
