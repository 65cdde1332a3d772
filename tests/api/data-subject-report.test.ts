// The dsar report against known seeded records: one person who wrote to agent
// A, was cc'd by agent B and is mentioned in a body by agent C, and a fourth
// agent's email about someone else. Their emails across agents and nothing of
// the fourth person; third parties masked (Art. 15(4)) and the kinds listed;
// the recorded opt-out; DLP events, activities and sharing that apply; the
// Art. 15(1) information from the privacy profile; and a run through the
// engine that completes and is signed.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as generateRoute } from "@/app/api/engine/compliance/data-subject-requests/[requestId]/report/route";
import { POST as postReportRoute } from "@/app/api/engine/compliance/reports/[reportRef]/route";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { reportDefinitions } from "@/lib/compliance/reports";
import { db } from "@/lib/db";
import { createDataSubjectRequest } from "@/lib/privacy/create-data-subject-request";
import { updateDataSubjectRequest } from "@/lib/privacy/update-data-subject-request";
import { updateDataSubjectRequestBodySchema } from "@/lib/privacy/schemas";
import { CollectingReportOutput } from "@/tests/support/collecting-report-output";
import { sessionIdentity } from "@/tests/support/compliance-fixtures";
import { createTestOrg, sessionCookieFor, uniqueSuffix, type TestOrg } from "@/tests/support/fixtures";
import { buildContext } from "@/tests/support/seed-report-content";

const definition = reportDefinitions.dsar;
const base = "http://localhost/api/engine/compliance";
const rawCard = "4111 1111 1111 1111";

let acme: TestOrg;
let globex: TestOrg;
const ids: Record<string, string> = {};
let requestId: string;

async function agent(org: TestOrg, key: string, domain: string) {
  const row = await db.agent.create({
    data: {
      orgId: org.orgId,
      name: `Agent ${key}`,
      emailAddress: `${key}@${domain}`,
      allowedTools: [],
      allowedRecipientDomains: [],
      dailySendLimit: 100,
    },
    select: { id: true },
  });
  ids[key] = row.id;
  return row.id;
}

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTestOrg({ name: "Acme DSAR" }), createTestOrg({ name: "Globex DSAR" })]);
  const domain = `acme-${uniqueSuffix()}.test`;
  const [a, b, c, d] = await Promise.all(["a", "b", "c", "d"].map((key) => agent(acme, key, domain)));
  const g = await agent(globex, "g", `globex-${uniqueSuffix()}.test`);
  const email = (
    key: string,
    orgId: string,
    agentId: string,
    fields: {
      direction: string;
      from: string;
      to: string[];
      cc?: string[];
      subject?: string;
      body: string;
      at: string;
    },
  ) => ({
    id: `${key}-${uniqueSuffix()}`,
    orgId,
    agentId,
    direction: fields.direction,
    fromAddress: fields.from,
    toAddresses: fields.to,
    ccAddresses: fields.cc ?? [],
    subject: fields.subject ?? `Subject ${key}`,
    body: fields.body,
    sentAt: new Date(fields.at),
  });
  const rows = [
    email("e-from", acme.orgId, a!, {
      direction: "inbound",
      from: "Jane@Subject.test",
      to: [`a@${domain}`],
      cc: ["bob@third.test"],
      body: `Please refund my card ${rawCard}. My colleague bob@third.test knows. Call me on +1 415 555 2671.`,
      at: "2026-03-01T10:00:00.000Z",
    }),
    email("e-cc", acme.orgId, b!, {
      direction: "outbound",
      from: `b@${domain}`,
      to: ["carol@other.test"],
      cc: ["jane.alt@subject.test"],
      body: "Carol, your order ships Monday.",
      at: "2026-03-02T10:00:00.000Z",
    }),
    email("e-mention", acme.orgId, c!, {
      direction: "outbound",
      from: `c@${domain}`,
      to: ["carol@other.test"],
      body: "Jane (JANE@subject.test) asked about Carol's call on +1 212 555 0100 from 203.0.113.9.",
      at: "2026-03-03T10:00:00.000Z",
    }),
    email("e-fourth", acme.orgId, d!, {
      direction: "inbound",
      from: "dave@fourth.test",
      to: [`d@${domain}`],
      body: "Dave here: my number is +1 646 555 0199.",
      at: "2026-03-04T10:00:00.000Z",
    }),
    email("e-lookalike", acme.orgId, d!, {
      direction: "outbound",
      from: `d@${domain}`,
      to: ["jane_smith@subject.test"],
      body: "Hello Jane Smith.",
      at: "2026-03-05T10:00:00.000Z",
    }),
    email("e-globex", globex.orgId, g, {
      direction: "inbound",
      from: "jane@subject.test",
      to: ["g@globex.test"],
      body: "Same person, another organization.",
      at: "2026-03-06T10:00:00.000Z",
    }),
  ];
  await db.email.createMany({ data: rows });
  for (const row of rows) ids[row.id.split("-").slice(0, -1).join("-")] = row.id;

  const rule = await db.dlpRule.create({
    data: { orgId: acme.orgId, name: "Cards", detector: "payment_card", severity: "high", action: "redact" },
    select: { id: true },
  });
  const violation = (key: string, agentId: string, emailId: string) => ({
    id: `${key}-${uniqueSuffix()}`,
    orgId: acme.orgId,
    ruleId: rule.id,
    agentId,
    emailId,
    severity: "high",
    actionTaken: "redacted",
    excerpt: `card ${rawCard}`,
    detectedAt: new Date("2026-03-01T10:00:01.000Z"),
  });
  const violations = [violation("v-subject", a!, ids["e-from"]!), violation("v-fourth", d!, ids["e-fourth"]!)];
  await db.dlpViolation.createMany({ data: violations });
  ids["v-subject"] = violations[0]!.id;

  const activity = (key: string, agentId: string | null, extra: Record<string, unknown> = {}) => ({
    id: `${key}-${uniqueSuffix()}`,
    orgId: acme.orgId,
    agentId,
    name: `Activity ${key}`,
    purpose: `Purpose ${key}`,
    legalBasis: "contract",
    dataCategories: [`category ${key}`],
    subjectCategories: ["customers"],
    recipients: [`Recipient ${key}`],
    retention: `Retention ${key}`,
    thirdCountryTransfers: [],
    ...extra,
  });
  const activities = [
    activity("pa-org", null, { dataSource: "Collected from the data subject" }),
    activity("pa-a", a!, {
      dataSource: "Customer emails",
      automatedDecisionMaking: true,
      automatedDecisionLogic: "Refunds under 50 EUR are approved automatically by rules",
    }),
    activity("pa-d", d!, { dataSource: "Fourth-party data" }),
  ];
  await db.processingActivity.createMany({ data: activities });
  for (const row of activities) ids[row.name.replace("Activity ", "")] = row.id;
  const sharing = (key: string, agentId: string | null) => ({
    id: `${key}-${uniqueSuffix()}`,
    orgId: acme.orgId,
    agentId,
    recipientName: `Processor ${key}`,
    recipientCountry: "US",
    purpose: "Support",
    legalBasis: "contract",
    dataCategories: ["contact details"],
    sharedAt: new Date("2026-02-01T00:00:00.000Z"),
  });
  const records = [sharing("sh-org", null), sharing("sh-b", b!), sharing("sh-d", d!)];
  await db.dataSharingRecord.createMany({ data: records });
  for (const row of records) ids[row.recipientName.replace("Processor ", "")] = row.id;

  await db.privacyProfile.create({
    data: {
      orgId: acme.orgId,
      controllerName: "Acme Robotics GmbH",
      controllerContact: "privacy@acme.test",
      dpoContact: "dpo@acme.test",
      supervisoryAuthorityName: "Berlin DPA",
      supervisoryAuthorityUrl: "https://www.datenschutz-berlin.de",
      updatedAt: new Date(),
      updatedByLabel: "admin",
    },
  });
  const request = await createDataSubjectRequest(
    { identity: sessionIdentity(acme) },
    {
      subjectEmail: "jane@subject.test",
      subjectIdentifiers: ["jane.alt@subject.test", "+1 415 555 2671"],
      receivedOn: "2026-03-10",
      verificationMethod: "Signed letter",
      verifiedBy: "admin",
      notes: "",
    },
  );
  requestId = request.id;
});

async function build(): Promise<CollectingReportOutput> {
  const output = new CollectingReportOutput(definition.csvColumns);
  await definition.build(buildContext(acme.orgId, "dsar", { agentIds: [], requestId } as never), output);
  return output;
}

describe("dsar report, redaction on", () => {
  let output: CollectingReportOutput;
  beforeAll(async () => {
    output = await build();
  });

  it("holds the subject's emails across three agents (from, cc, mention) and nothing of the fourth person", () => {
    const emails = output.table("emails", "emails");
    expect(emails.map((row) => [row.id, row.agent_id, row.matched_by])).toEqual([
      // Their phone number in the body is a mention too.
      [ids["e-from"], ids.a, ["from", "mention"]],
      [ids["e-cc"], ids.b, ["cc"]],
      [ids["e-mention"], ids.c, ["mention"]],
    ]);
    expect(output.manifestFor("emails", "emails").rowCount).toBe(3);
    const everything = JSON.stringify([...output.sections.values()]);
    expect(everything).not.toContain("dave");
    expect(everything).not.toContain(ids["e-fourth"]);
    expect(everything).not.toContain(ids["e-lookalike"]);
    expect(everything).not.toContain(ids["e-globex"]);
  });

  it("masks third parties' data in bodies and headers, keeps the subject's and the org's own, and lists the kinds", () => {
    const [fromSubject, cc, mention] = output.table("emails", "emails");
    expect(fromSubject!.body).toBe(
      "Please refund my card •••• •••• •••• 1111. My colleague b•••@third.test knows. Call me on +1 415 555 2671.",
    );
    expect(fromSubject!.from_address).toBe("Jane@Subject.test");
    expect(fromSubject!.cc_addresses).toEqual(["b•••@third.test"]);
    expect(fromSubject!.to_addresses).toEqual([expect.stringMatching(/^a@acme-/)]);
    expect(cc!.to_addresses).toEqual(["c•••@other.test"]);
    expect(cc!.cc_addresses).toEqual(["jane.alt@subject.test"]);
    expect(mention!.body).not.toContain("212 555 0100");
    expect(mention!.body).not.toContain("203.0.113.9");
    expect(mention!.body).toContain("JANE@subject.test");
    expect(mention!.redacted).toEqual({ phone: 1, ip_address: 1 });
    expect(JSON.stringify(output.table("emails", "emails"))).not.toContain(rawCard);

    const summary = output.sections.get("personal_data")!.summary;
    expect(summary).toMatchObject({
      emails: 3,
      emailsFromSubject: 1,
      agents: 3,
      redaction: {
        enabled: true,
        offReason: null,
        kindsRedacted: ["email_address", "phone", "payment_card", "ip_address"],
      },
    });
    const about = Object.fromEntries(output.table("personal_data", "about_subject").map((row) => [row.category, row]));
    expect(about.phone).toMatchObject({ email_count: 1, occurrence_count: 1 });
    expect(about.email_address).toMatchObject({ email_count: 1, occurrence_count: 1 });
    expect(about.payment_card).toMatchObject({ occurrence_count: 0 });
  });

  it("lists DLP events on the subject's emails only, excerpts masked", () => {
    const violations = output.table("dlp_events", "violations");
    expect(violations.map((row) => row.id)).toEqual([ids["v-subject"]]);
    expect(violations[0]!.excerpt).toBe("card •••• •••• •••• 1111");
  });

  it("lists the activities and sharing of the org and of the subject's agents, not of the fourth agent", () => {
    expect(
      output
        .table("processing_activities", "activities")
        .map((row) => row.id)
        .sort(),
    ).toEqual([ids["pa-a"], ids["pa-org"]].sort());
    expect(
      output
        .table("data_sharing", "records")
        .map((row) => row.id)
        .sort(),
    ).toEqual([ids["sh-b"], ids["sh-org"]].sort());
  });

  it("gives the Art. 15(1) information with the complaint route from the privacy profile", () => {
    const info = output.sections.get("supplementary_information")!.summary;
    expect(info).toMatchObject({
      controller: { name: "Acme Robotics GmbH", contact: "privacy@acme.test", dpoContact: "dpo@acme.test" },
      purposes: [
        { purpose: "Purpose pa-a", legalBases: ["contract"] },
        { purpose: "Purpose pa-org", legalBases: ["contract"] },
      ],
      dataCategories: ["category pa-a", "category pa-org", "contact details"],
      recipients: ["Processor sh-b (US)", "Processor sh-org (US)", "Recipient pa-a", "Recipient pa-org"],
      retention: expect.arrayContaining([{ activity: "Activity pa-a", retention: "Retention pa-a" }]),
      rights: ["access", "rectification", "erasure", "restriction", "objection", "complaint"],
      complaint: { supervisoryAuthority: "Berlin DPA", url: "https://www.datenschutz-berlin.de" },
      source: { register: ["Collected from the data subject", "Customer emails"], activitiesWithoutSource: 0 },
      automatedDecisionMaking: {
        exists: true,
        activities: [{ activity: "Activity pa-a", logic: "Refunds under 50 EUR are approved automatically by rules" }],
      },
    });
    expect(output.table("supplementary_information", "rights")).toHaveLength(6);
  });
});

describe("dsar report, redaction turned off with a recorded reason", () => {
  it("leaves third parties' data in, says why, and lists nothing as redacted", async () => {
    const org = acme;
    const reason = "The third parties consented to disclosure";
    await updateDataSubjectRequest(
      { identity: sessionIdentity(org) },
      requestId,
      updateDataSubjectRequestBodySchema.parse({ redaction: { enabled: false, reason } }),
    );
    try {
      const output = await build();
      const [fromSubject] = output.table("emails", "emails");
      expect(fromSubject!.body).toContain("bob@third.test");
      expect(fromSubject!.cc_addresses).toEqual(["bob@third.test"]);
      expect(output.sections.get("request")!.summary).toMatchObject({
        redaction: { enabled: false, offReason: reason },
      });
      expect(output.sections.get("personal_data")!.summary).toMatchObject({
        redaction: { enabled: false, offReason: reason, kindsRedacted: [] },
      });
      expect(output.sections.get("emails")!.description).toContain(reason);
      const event = await db.auditEvent.findFirst({
        where: { orgId: org.orgId, targetId: requestId, action: "data_subject_request.redaction_disabled" },
        select: { metadata: true, actorLabel: true },
      });
      expect(event).toEqual({ metadata: { reason }, actorLabel: org.admin.email });
    } finally {
      await updateDataSubjectRequest(
        { identity: sessionIdentity(org) },
        requestId,
        updateDataSubjectRequestBodySchema.parse({ redaction: { enabled: true } }),
      );
    }
  });
});

describe("dsar report through the API and the engine", () => {
  it("is queued from the request (admins only, 404 across orgs), completes, is signed and linked", async () => {
    const post = (cookie: string, id = requestId) =>
      generateRoute(
        new Request(`${base}/data-subject-requests/${id}/report`, {
          method: "POST",
          headers: { cookie, origin: "http://localhost" },
        }),
        { params: Promise.resolve({ requestId: id }) },
      );
    expect((await post(await sessionCookieFor(acme.auditor, acme.orgId))).status).toBe(403);
    expect((await post(await sessionCookieFor(globex.admin, globex.orgId))).status).toBe(404);
    const response = await post(await sessionCookieFor(acme.admin, acme.orgId));
    expect(response.status).toBe(202);
    const report = (await response.json()) as { id: string; type: string; title: string };
    expect(report).toMatchObject({ type: "dsar", title: `Data-Subject Access — request ${requestId}` });
    expect(
      (await db.dataSubjectRequest.findUniqueOrThrow({ where: { id: requestId }, select: { lastReportId: true } }))
        .lastReportId,
    ).toBe(report.id);

    const result = await processNextReport(db, "dsar-test-worker", {
      definitions: reportDefinitions,
      reportId: report.id,
    });
    expect(result?.outcome).toBe("completed");
    const statement = await db.reportStatement.findUnique({
      where: { reportId: report.id },
      select: { reportType: true },
    });
    expect(statement).toEqual({ reportType: "dsar" });
  });

  it("refuses POST /reports/dsar for another org's request with 400 naming requestId, creating nothing", async () => {
    const before = await db.report.count({ where: { orgId: globex.orgId } });
    const response = await postReportRoute(
      new Request(`${base}/reports/dsar`, {
        method: "POST",
        headers: {
          cookie: await sessionCookieFor(globex.admin, globex.orgId),
          origin: "http://localhost",
          "content-type": "application/json",
        },
        body: JSON.stringify({ requestId }),
      }),
      { params: Promise.resolve({ reportRef: "dsar" }) },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { details: unknown } }).error.details).toEqual({
      fields: { requestId: [`Unknown data-subject request in this organization: ${requestId}`] },
    });
    expect(await db.report.count({ where: { orgId: globex.orgId } })).toBe(before);
  });

  it("links a report queued through POST /reports/dsar to its request, like the request's own route", async () => {
    const response = await postReportRoute(
      new Request(`${base}/reports/dsar`, {
        method: "POST",
        headers: {
          cookie: await sessionCookieFor(acme.admin, acme.orgId),
          origin: "http://localhost",
          "content-type": "application/json",
        },
        body: JSON.stringify({ requestId }),
      }),
      { params: Promise.resolve({ reportRef: "dsar" }) },
    );
    expect(response.status).toBe(202);
    const report = (await response.json()) as { id: string };
    const request = await db.dataSubjectRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { lastReportId: true },
    });
    expect(request.lastReportId).toBe(report.id);
  });
});
