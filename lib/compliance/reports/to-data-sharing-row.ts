import type { ReportRow } from "@/lib/compliance/reports/report-definition";
import type { DataSharingRecordRecord } from "./sources/data-sharing-record-population";
import { toJsonValue } from "./to-json-value";

/** A data-sharing record as the GDPR Export and the data-subject access report list it. */
export function toDataSharingRow(record: DataSharingRecordRecord): ReportRow {
  return {
    occurred_at: record.sharedAt.toISOString(),
    id: record.id,
    applies_to: record.agentId ? "agent" : "organization",
    agent_id: record.agentId,
    recipient_name: record.recipientName,
    recipient_domain: record.recipientDomain,
    recipient_country: record.recipientCountry,
    purpose: record.purpose,
    legal_basis: record.legalBasis,
    data_categories: toJsonValue(record.dataCategories),
    transfer_mechanism: record.transferMechanism,
    record_count: record.recordCount,
  };
}
