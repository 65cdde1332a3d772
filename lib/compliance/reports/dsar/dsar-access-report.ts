// Data-subject access report (GDPR Art. 15): for one request, every email
// from, to, cc'd to or mentioning any of the subject's identifiers across all
// agents, the subject's personal data found in them, DLP events on them, the
// processing activities and sharing records that apply (org-wide and those of
// the agents that handled the emails), and the Art. 15(1) supplementary
// information. Other people's personal data is masked (Art. 15(4)) unless an
// admin turned redaction off for the request with a recorded reason.
import { allOf, columnEquals, type SqlCondition } from "@/lib/db/sql-condition";
import { Prisma } from "@/lib/generated/sqlite/client";
import { redactPersonalData } from "@/lib/compliance/pii/redact-personal-data";
import type { ReportDefinition, ReportScope } from "@/lib/compliance/reports/report-definition";
import { buildAgentFilter } from "../build-agent-filter";
import { buildTimeWindow } from "../build-time-window";
import { joinFilterText } from "../join-filter-text";
import { loadAgentDirectory } from "../load-agent-directory";
import { startReportRun } from "../start-report-run";
import { createDataSharingRecordPopulation } from "../sources/data-sharing-record-population";
import { createDlpViolationPopulation } from "../sources/dlp-violation-population";
import { createProcessingActivityPopulation } from "../sources/processing-activity-population";
import { toDataSharingRow } from "../to-data-sharing-row";
import { toProcessingActivityRow } from "../to-processing-activity-row";
import { unionColumns } from "../union-columns";
import { writePopulationTable } from "../write-population-table";
import { collectSupplementaryInformation, dataSubjectRights } from "./collect-supplementary-information";
import { createSubjectDataTally } from "./create-subject-data-tally";
import { matchReasons, matchSubjectEmails } from "./match-subject-emails";
import { redactHeaderAddress, redactThirdParties } from "./redact-third-parties";
import { createSubjectEmailPopulation } from "./subject-email-population";
import { createSubjectIdentifiers } from "./subject-identifiers";

export type DsarScope = ReportScope & { requestId: string };

export const dsarAccessReport: ReportDefinition<DsarScope> = {
  type: "dsar",
  csvColumns: unionColumns(
    ["identifier", "occurred_at", "id", "agent_id", "agent_name", "direction", "message_id", "from_address"],
    ["to_addresses", "cc_addresses", "subject", "body", "matched_by", "subject_personal_data", "redacted"],
    ["category", "email_count", "occurrence_count", "samples", "left_unredacted"],
    ["email_id", "rule_id", "rule_name", "severity", "action_taken", "excerpt"],
    ["applies_to", "name", "purpose", "legal_basis", "data_categories", "subject_categories", "recipients"],
    ["retention", "third_country_transfers", "data_source", "automated_decision_making", "automated_decision_logic"],
    ["created_at", "updated_at"],
    ["recipient_name", "recipient_domain", "recipient_country", "transfer_mechanism", "record_count"],
    ["right", "article", "how"],
  ),
  async build(ctx, output) {
    const { db, report } = ctx;
    const orgId = report.orgId;
    const request = await db.dataSubjectRequest.findFirst({
      where: { id: report.scope.requestId, orgId },
      select: {
        id: true,
        subjectEmail: true,
        subjectIdentifiers: true,
        receivedAt: true,
        dueAt: true,
        status: true,
        verificationMethod: true,
        verifiedBy: true,
        extensionMonths: true,
        extensionReason: true,
        redactThirdParties: true,
        redactionOffReason: true,
      },
    });
    if (!request)
      throw new Error(`Data-subject request ${report.scope.requestId} is not a request of this organization`);
    const profile = await db.privacyProfile.findUnique({
      where: { orgId },
      select: {
        controllerName: true,
        controllerContact: true,
        dpoContact: true,
        supervisoryAuthorityName: true,
        supervisoryAuthorityUrl: true,
      },
    });
    const subject = createSubjectIdentifiers(request.subjectEmail, identifierList(request.subjectIdentifiers));
    const isRedacting = request.redactThirdParties;

    const asOf = new Date();
    const window = buildTimeWindow(null, asOf);
    const agents = await loadAgentDirectory(db, orgId);
    const org = columnEquals("orgId", orgId);
    const match = matchSubjectEmails(subject.all);
    const subjectEmailIds = Prisma.sql`(SELECT "id" FROM "Email" WHERE ${allOf(org, match).sql})`;
    const subjectAgentIds = Prisma.sql`(SELECT DISTINCT "agentId" FROM "Email" WHERE ${allOf(org, match).sql})`;
    const ofSubjectEmails: SqlCondition = {
      sql: Prisma.sql`"emailId" IN ${subjectEmailIds}`,
      text: "emailId is one of the subject's emails above",
    };
    const ofSubjectAgents: SqlCondition = {
      sql: Prisma.sql`("agentId" IS NULL OR "agentId" IN ${subjectAgentIds})`,
      text: "(agentId is null: org-wide, or agentId is an agent that sent or received one of the subject's emails)",
    };

    const emails = createSubjectEmailPopulation(db, {
      source: "Email: emails.emails",
      filter: joinFilterText([org.text, match.text, window.describe("sentAt"), "all agents, inbound and outbound"]),
      where: allOf(org, match).sql,
      range: window.range,
    });
    const violations = createDlpViolationPopulation(db, {
      source: "DlpViolation: dlp_events.violations",
      filter: joinFilterText([org.text, ofSubjectEmails.text, window.describe("detectedAt")]),
      where: allOf(org, ofSubjectEmails).sql,
      range: window.range,
    });
    const activities = createProcessingActivityPopulation(db, {
      source: "ProcessingActivity: processing_activities.activities",
      filter: joinFilterText([org.text, ofSubjectAgents.text, `createdAt < ${asOf.toISOString()}`]),
      where: allOf(org, ofSubjectAgents).sql,
      range: { lt: asOf },
    });
    const sharing = createDataSharingRecordPopulation(db, {
      source: "DataSharingRecord: data_sharing.records",
      filter: joinFilterText([org.text, ofSubjectAgents.text, window.describe("sharedAt")]),
      where: allOf(org, ofSubjectAgents).sql,
      range: window.range,
    });
    const run = await startReportRun(
      { ctx, db, orgId, output, agents, agentFilter: buildAgentFilter([]), window, asOf },
      [emails, violations, activities, sharing],
    );

    const day = (instant: Date) => instant.toISOString().slice(0, 10);
    await output.startSection("request", {
      title: "The request",
      description:
        "The data-subject access request this report answers (GDPR Art. 15): who asked, how their identity was " +
        "verified, when it was received and when the answer is due (one month from receipt, Art. 12(3), plus any " +
        "extension), and the identifiers every search below used.",
      criteria: ["GDPR Art. 15", "GDPR Art. 12(3)"],
      summary: {
        requestId: request.id,
        subjectEmail: request.subjectEmail,
        receivedOn: day(request.receivedAt),
        dueOn: day(request.dueAt),
        status: request.status,
        extension:
          request.extensionMonths > 0
            ? { months: request.extensionMonths, reason: request.extensionReason ?? "" }
            : null,
        verification: { method: request.verificationMethod, verifiedBy: request.verifiedBy },
        controller: profile
          ? { name: profile.controllerName, contact: profile.controllerContact, dpoContact: profile.dpoContact }
          : null,
        redaction: isRedacting
          ? { enabled: true, offReason: null }
          : { enabled: false, offReason: request.redactionOffReason ?? "" },
      },
    });
    await output.writeTable(
      "identifiers",
      subject.all.map((identifier) => ({ identifier })),
    );
    await output.endSection();

    const tally = createSubjectDataTally();
    await output.startSection("emails", {
      title: "Emails about the data subject",
      description:
        "Every email of any agent of the organization, all time, in chronological order, that was sent from, to or " +
        "copied to one of the subject's identifiers, or that mentions one in its subject or body (matched_by says " +
        "which). " +
        (isRedacting
          ? "Other people's personal data in these emails (addresses, phone numbers, card numbers, IBANs, SSNs, IP " +
            "addresses that are not the subject's) is masked (Art. 15(4)); the organization's own addresses stay."
          : `Redaction of third parties' data was turned off for this request: ${request.redactionOffReason ?? ""}`),
      criteria: ["GDPR Art. 15(1)", "GDPR Art. 15(3)", "GDPR Art. 15(4)"],
      summary: { emails: run.manifestOf(emails).rowCount },
    });
    await writePopulationTable({
      ...run,
      table: "emails",
      source: emails,
      manifest: run.manifestOf(emails),
      toRow: (email) => {
        const toAddresses = toStringArray(email.toAddresses);
        const ccAddresses = toStringArray(email.ccAddresses);
        const matchedBy = matchReasons(
          { fromAddress: email.fromAddress, toAddresses, ccAddresses, subject: email.subject, body: email.body },
          subject.all,
        );
        let headerAddressesRedacted = 0;
        const header = (address: string) => {
          const result = redactHeaderAddress(address, subject, agents.orgDomains, isRedacting);
          if (result.isRedacted) headerAddressesRedacted++;
          return result.address;
        };
        const subjectLine = redactThirdParties(email.subject, subject, isRedacting);
        const body = redactThirdParties(email.body, subject, isRedacting);
        const redacted = { ...subjectLine.redacted };
        for (const [category, count] of Object.entries(body.redacted) as [keyof typeof redacted, number][]) {
          redacted[category] = (redacted[category] ?? 0) + count;
        }
        const subjectMatches = [...subjectLine.subjectMatches, ...body.subjectMatches];
        const row = {
          occurred_at: email.sentAt,
          id: email.id,
          agent_id: email.agentId,
          agent_name: agents.nameOf(email.agentId),
          direction: email.direction,
          message_id: email.messageId,
          from_address: header(email.fromAddress),
          to_addresses: toAddresses.map(header),
          cc_addresses: ccAddresses.map(header),
          subject: subjectLine.text,
          body: body.text,
          matched_by: matchedBy,
          subject_personal_data: countByCategory(subjectMatches),
          redacted,
        };
        tally.add({
          agentId: email.agentId,
          isFromSubject: matchedBy.includes("from"),
          subjectMatches,
          redacted,
          unredacted: [...subjectLine.unredacted, ...body.unredacted],
          headerAddressesRedacted,
        });
        return row;
      },
    });
    await output.endSection();

    const emailFacts = tally.summary();
    await output.startSection("personal_data", {
      title: "Personal data found about the data subject",
      description:
        "The subject's own personal data the detectors found in the emails above (their addresses and numbers " +
        "where they appear in a subject line or body), per category with masked samples; and what was masked as " +
        "other people's data (Art. 15(4)), by kind. Detected kinds: email_address, phone, payment_card (Luhn), iban " +
        "(mod-97), us_ssn, ip_address.",
      criteria: ["GDPR Art. 15(1)(b)", "GDPR Art. 15(4)"],
      summary: {
        ...emailFacts,
        redaction: {
          enabled: isRedacting,
          offReason: isRedacting ? null : (request.redactionOffReason ?? ""),
          kindsRedacted: tally.redactedKinds(),
        },
      },
    });
    await output.writeTable("about_subject", tally.foundRows());
    await output.writeTable("redacted", tally.redactedRows());
    await output.endSection();

    await output.startSection("dlp_events", {
      title: "DLP events on the subject's emails",
      description:
        "Every data-loss-prevention violation recorded on one of the emails above, in chronological order, with " +
        "the rule that fired and the action taken; excerpts are masked.",
      criteria: [],
      summary: { violations: run.manifestOf(violations).rowCount },
    });
    await writePopulationTable({
      ...run,
      table: "violations",
      source: violations,
      manifest: run.manifestOf(violations),
      toRow: (violation) => ({
        occurred_at: violation.detectedAt.toISOString(),
        id: violation.id,
        agent_id: violation.agentId,
        agent_name: agents.nameOf(violation.agentId),
        email_id: violation.emailId,
        rule_id: violation.ruleId,
        rule_name: violation.rule.name,
        severity: violation.severity,
        action_taken: violation.actionTaken,
        excerpt: redactPersonalData(violation.excerpt),
      }),
    });
    await output.endSection();

    const supplementary = collectSupplementaryInformation();
    await output.startSection("processing_activities", {
      title: "Processing activities that apply",
      description:
        "The Art. 30 records of processing that govern the subject's data: the organization-wide ones " +
        "(applies_to = organization) and those of the agents that sent or received the subject's emails, with the " +
        "source of the data (empty: not recorded) and any automated decision-making and its logic.",
      criteria: ["GDPR Art. 15(1)(a)–(d)", "GDPR Art. 30"],
      summary: { activities: run.manifestOf(activities).rowCount },
    });
    await writePopulationTable({
      ...run,
      table: "activities",
      source: activities,
      manifest: run.manifestOf(activities),
      toRow: (activity) => {
        supplementary.addActivity(activity);
        return toProcessingActivityRow(activity);
      },
    });
    await output.endSection();

    await output.startSection("data_sharing", {
      title: "Third-party data sharing that applies",
      description:
        "Recorded disclosures of personal data to third parties, organization-wide or by the agents that handled " +
        "the subject's emails, all time, in chronological order.",
      criteria: ["GDPR Art. 15(1)(c)"],
      summary: { records: run.manifestOf(sharing).rowCount },
    });
    await writePopulationTable({
      ...run,
      table: "records",
      source: sharing,
      manifest: run.manifestOf(sharing),
      toRow: (record) => {
        supplementary.addSharing(record);
        return toDataSharingRow(record);
      },
    });
    await output.endSection();

    await output.startSection("supplementary_information", {
      title: "Information about the processing (Art. 15(1))",
      description:
        "What Art. 15(1) requires beside the copy: the purposes and their legal bases, the categories of data, the " +
        "recipients, how long data is kept, the data subject's rights, the right to complain to a supervisory " +
        "authority, where the data came from, and any automated decision-making — gathered from the activities and " +
        "sharing records above and the organization's privacy profile.",
      criteria: ["GDPR Art. 15(1)(a)–(h)", "GDPR Art. 15(2)"],
      summary: supplementary.summary(profile, {
        fromSubject: emailFacts.emailsFromSubject,
        fromOthers: emailFacts.emailsAboutSubjectFromOthers,
      }),
    });
    await output.writeTable("rights", dataSubjectRights);
    await output.endSection();
  },
};

function identifierList(value: unknown): string[] {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === "string") : [];
}

function toStringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function countByCategory(matches: readonly { category: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of matches) counts[match.category] = (counts[match.category] ?? 0) + 1;
  return counts;
}
