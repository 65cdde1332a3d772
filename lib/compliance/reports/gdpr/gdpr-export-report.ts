// GDPR Export: everything one agent processed, all time — every email with
// its body, the personal data detected in each (masked samples only), the
// Art. 30 processing activities and the third-party sharing that apply to the
// agent, the external domains personal data was sent to, and the DLP
// violations caught on its communications.
import { allOf, columnEquals } from "@/lib/db/sql-condition";
import { detectPersonalData } from "@/lib/compliance/pii/detect-personal-data";
import { summarizePersonalData } from "@/lib/compliance/pii/summarize-personal-data";
import type { ReportDefinition } from "@/lib/compliance/reports/report-definition";
import { buildAgentFilter } from "../build-agent-filter";
import { buildTimeWindow } from "../build-time-window";
import { countPopulationGroups } from "../count-population-groups";
import { joinFilterText } from "../join-filter-text";
import { loadAgentDirectory } from "../load-agent-directory";
import { startPopulationRead } from "../start-population-read";
import { startReportRun } from "../start-report-run";
import { createDataSharingRecordPopulation } from "../sources/data-sharing-record-population";
import { createEmailPopulation } from "../sources/email-population";
import { createProcessingActivityPopulation } from "../sources/processing-activity-population";
import { toDataSharingRow } from "../to-data-sharing-row";
import { toProcessingActivityRow } from "../to-processing-activity-row";
import { unionColumns } from "../union-columns";
import { writePopulationTable } from "../write-population-table";
import { createPersonalDataTally } from "./create-personal-data-tally";
import {
  createGdprDlpViolationPopulation,
  gdprDlpViolationColumns,
  writeGdprDlpViolationsSection,
} from "./write-gdpr-dlp-violations-section";

export const gdprExportReport: ReportDefinition = {
  type: "gdpr",
  csvColumns: unionColumns(
    ["occurred_at", "id", "direction", "message_id", "from_address", "to_addresses", "cc_addresses", "subject", "body"],
    ["personal_data_count", "personal_data_categories", "personal_data_samples"],
    ["category", "email_count", "occurrence_count", "samples", "recipient_domain", "recipient_count", "categories"],
    ["applies_to", "agent_id", "name", "purpose", "legal_basis", "data_categories", "subject_categories", "recipients"],
    ["retention", "third_country_transfers", "data_source", "automated_decision_making", "automated_decision_logic"],
    ["created_at", "updated_at"],
    ["recipient_name", "recipient_country", "transfer_mechanism", "record_count"],
    gdprDlpViolationColumns,
  ),
  async build(ctx, output) {
    const { db, report } = ctx;
    const orgId = report.orgId;
    const [agentId, ...others] = report.scope.agentIds;
    if (!agentId || others.length > 0) throw new Error("A GDPR export covers exactly one agent");
    const agent = await db.agent.findFirst({
      where: { id: agentId, orgId },
      select: { id: true, name: true, emailAddress: true, status: true },
    });
    if (!agent) throw new Error(`Agent ${agentId} is not an agent of this organization`);

    const asOf = new Date();
    const window = buildTimeWindow(null, asOf);
    const agentFilter = buildAgentFilter([agentId]);
    const agents = await loadAgentDirectory(db, orgId);
    const org = columnEquals("orgId", orgId);
    const ofAgent = columnEquals("agentId", agentId);
    // Processing activities and sharing: this agent's and the org-wide ones.
    const orgWideText = `(agentId = ${agentId} or agentId is null: org-wide)`;
    const emails = createEmailPopulation(db, {
      source: "Email: emails.emails",
      filter: joinFilterText([org.text, ofAgent.text, window.describe("sentAt"), "inbound and outbound"]),
      where: allOf(org, ofAgent).sql,
      range: window.range,
    });
    const activities = createProcessingActivityPopulation(db, {
      source: "ProcessingActivity: processing_activities.activities",
      filter: joinFilterText([org.text, `createdAt < ${asOf.toISOString()}`, orgWideText]),
      where: allOf(org, agentFilter.nullable).sql,
      range: { lt: asOf },
    });
    const sharing = createDataSharingRecordPopulation(db, {
      source: "DataSharingRecord: data_sharing.records",
      filter: joinFilterText([org.text, window.describe("sharedAt"), orgWideText]),
      where: allOf(org, agentFilter.nullable).sql,
      range: window.range,
    });
    const dlpViolations = createGdprDlpViolationPopulation(db, { orgId, agentId, window });
    // The emails' COPY sorts them before its first row comes: started now, it
    // sorts while the database counts for the manifest, not after.
    const emailRead = startPopulationRead(emails);
    try {
      const run = await startReportRun({ ctx, db, orgId, output, agents, agentFilter, window, asOf }, [
        emails,
        dlpViolations,
        activities,
        sharing,
      ]);

      const byDirection = await countPopulationGroups(db, emails, ["direction"]);
      const tally = createPersonalDataTally(agents.orgDomains);
      await output.startSection("emails", {
        title: "Emails sent and received",
        description:
          `Every email agent ${agent.name} <${agent.emailAddress}> sent or received, all time, in chronological order, ` +
          "with metadata and body, and the personal data detected in its subject and body: counts per category and up " +
          "to five distinct masked samples per category (never a full value). Detected categories: email_address, " +
          "phone, payment_card (Luhn), iban (mod-97), us_ssn, ip_address.",
        criteria: [],
        summary: {
          agent: { id: agent.id, name: agent.name, emailAddress: agent.emailAddress, status: agent.status },
          emails: run.manifestOf(emails).rowCount,
          byDirection: Object.fromEntries(byDirection.map((group) => [group.direction, group.count])),
        },
      });
      await writePopulationTable({
        ...run,
        table: "emails",
        source: emailRead.source,
        manifest: run.manifestOf(emails),
        toRow: (email) => {
          const toAddresses = toStringArray(email.toAddresses);
          const ccAddresses = toStringArray(email.ccAddresses);
          const found = summarizePersonalData(detectPersonalData(`${email.subject}\n${email.body}`));
          tally.add({ direction: email.direction, toAddresses, ccAddresses }, found);
          return {
            occurred_at: email.sentAt,
            id: email.id,
            direction: email.direction,
            message_id: email.messageId,
            from_address: email.fromAddress,
            to_addresses: toAddresses,
            cc_addresses: ccAddresses,
            subject: email.subject,
            body: email.body,
            personal_data_count: found.total,
            personal_data_categories: found.countByCategory,
            personal_data_samples: found.samplesByCategory,
          };
        },
      });
      await output.endSection();

      await output.startSection("personal_data", {
        title: "Personal data detected",
        description:
          "Totals over the emails above: per category, the emails containing it, its occurrences and up to ten " +
          "distinct masked samples; and the external domains (outside the organization's own agent domains: " +
          `${[...agents.orgDomains].sort().join(", ") || "none"}) that outbound emails containing personal data were ` +
          "sent to (to and cc), with the number of such emails, distinct recipient addresses and categories.",
        criteria: [],
        summary: tally.summary(),
      });
      await output.writeTable("by_category", tally.categoryRows());
      await output.writeTable("external_recipients", tally.domainRows());
      await output.endSection();

      await writeGdprDlpViolationsSection(run, dlpViolations);

      await output.startSection("processing_activities", {
        title: "Processing activities and legal basis",
        description:
          "The GDPR Art. 30 records of processing that apply to this agent: its own and the organization-wide ones " +
          "(applies_to = organization), with purpose, legal basis, data and subject categories, recipients, retention, " +
          "third-country transfers, the source of the data (Art. 14(2)(f), 15(1)(g); empty: not recorded) and whether " +
          "decisions are made solely by automated means, with the logic involved (Art. 15(1)(h)).",
        criteria: [],
        summary: { activities: run.manifestOf(activities).rowCount },
      });
      await writePopulationTable({
        ...run,
        table: "activities",
        source: activities,
        manifest: run.manifestOf(activities),
        toRow: toProcessingActivityRow,
      });
      await output.endSection();

      await output.startSection("data_sharing", {
        title: "Third-party data sharing",
        description:
          "Every recorded disclosure of personal data to a third party by this agent or organization-wide " +
          "(applies_to = organization), all time, in chronological order.",
        criteria: [],
        summary: { records: run.manifestOf(sharing).rowCount },
      });
      await writePopulationTable({
        ...run,
        table: "records",
        source: sharing,
        manifest: run.manifestOf(sharing),
        toRow: toDataSharingRow,
      });
      await output.endSection();
    } finally {
      await emailRead.stop();
    }
  },
};

/** An email's address list (a JSON array column) as strings. */
function toStringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
