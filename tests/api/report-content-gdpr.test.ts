import { beforeAll, describe, expect, it } from "vitest";
import { reportDefinitions } from "@/lib/compliance/reports";
import { db } from "@/lib/db";
import { CollectingReportOutput } from "@/tests/support/collecting-report-output";
import {
  buildContext,
  rawCard,
  rawIban,
  rawSsn,
  seedReportContent,
  type SeededContent,
} from "@/tests/support/seed-report-content";

const definition = reportDefinitions.gdpr;
const digitsOf = (value: string) => value.replace(/\D/g, "");

describe("GDPR Export content", () => {
  let seed: SeededContent;
  let output: CollectingReportOutput;

  beforeAll(async () => {
    seed = await seedReportContent();
    output = new CollectingReportOutput(definition.csvColumns);
    await definition.build(buildContext(seed.acme.orgId, "gdpr", { agentIds: [seed.a1] }), output);
  });

  it("lists every email of the agent, all time, with metadata and body, and nothing of other agents", async () => {
    const emails = output.table("emails", "emails");
    expect(emails.map((row) => row.id)).toEqual(
      ["e2-pii-in", "e1-pii-out", "e3-plain-out", "e4-internal"].map((key) => seed.id(key)),
    );
    expect(emails.length).toBe(await db.email.count({ where: { orgId: seed.acme.orgId, agentId: seed.a1 } }));
    expect(output.manifestFor("emails", "emails").rowCount).toBe(emails.length);
    const inbound = emails[0]!;
    expect(inbound).toMatchObject({
      direction: "inbound",
      from_address: "vendor@vendor.test",
      cc_addresses: ["other@inbound-cc.test"],
      subject: "Subject e2-pii-in",
      body: "Reach me on +1 415 555 2671.",
    });
    expect(output.sections.get("emails")!.summary).toMatchObject({
      emails: 4,
      byDirection: { inbound: 1, outbound: 3 },
    });
  });

  it("reports personal data per email and per category with masked samples only", () => {
    const e1 = output.table("emails", "emails").find((row) => row.id === seed.id("e1-pii-out"))!;
    expect(e1.personal_data_categories).toEqual({
      payment_card: 1,
      us_ssn: 1,
      iban: 1,
      phone: 1,
      email_address: 1,
      ip_address: 1,
    });
    expect(e1.personal_data_count).toBe(6);
    expect(e1.personal_data_samples).toMatchObject({
      payment_card: ["•••• •••• •••• 1111"],
      us_ssn: ["•••-••-6789"],
      email_address: ["j•••@example.org"],
    });

    const byCategory = Object.fromEntries(
      output.table("personal_data", "by_category").map((row) => [row.category, row]),
    );
    expect(byCategory.us_ssn).toMatchObject({ email_count: 2, occurrence_count: 2 });
    expect(byCategory.phone).toMatchObject({ email_count: 2, occurrence_count: 2 });
    expect(byCategory.payment_card).toMatchObject({ email_count: 1, occurrence_count: 1 });
    expect(output.sections.get("personal_data")!.summary).toMatchObject({
      emailsScanned: 4,
      emailsWithPersonalData: 3,
    });
  });

  it("never carries a full card number, SSN or IBAN outside the email bodies", () => {
    const masked = JSON.stringify([
      output.table("emails", "emails").map((row) => [row.personal_data_samples, row.personal_data_categories]),
      output.table("personal_data", "by_category"),
      output.table("personal_data", "external_recipients"),
    ]);
    for (const raw of [rawCard, rawSsn, rawIban]) {
      expect(masked).not.toContain(raw);
      expect(masked).not.toContain(digitsOf(raw));
    }
    // The bodies do contain them: detection really ran on that text.
    expect(JSON.stringify(output.table("emails", "emails").map((row) => row.body))).toContain(rawCard);
  });

  it("aggregates external recipients of outbound emails with personal data by domain", () => {
    expect(output.table("personal_data", "external_recipients")).toEqual([
      {
        recipient_domain: "gmail.com",
        email_count: 1,
        recipient_count: 1,
        categories: ["email_address", "phone", "payment_card", "iban", "us_ssn", "ip_address"],
      },
    ]);
  });

  it("lists org-wide and the agent's own processing activities and sharing records, not another agent's", () => {
    expect(
      output
        .table("processing_activities", "activities")
        .map((row) => [row.id, row.applies_to])
        .sort(),
    ).toEqual(
      [
        [seed.id("pa-a1"), "agent"],
        [seed.id("pa-org"), "organization"],
      ].sort(),
    );
    const activity = output.table("processing_activities", "activities").find((row) => row.id === seed.id("pa-a1"));
    expect(activity).toMatchObject({
      legal_basis: "contract",
      retention: "2 years",
      third_country_transfers: [{ country: "US", safeguard: "SCCs" }],
      data_source: null,
      automated_decision_making: true,
      automated_decision_logic: "Refund requests under 50 EUR are approved or refused by a scoring rule",
    });
    expect(
      output.table("processing_activities", "activities").find((row) => row.id === seed.id("pa-org")),
    ).toMatchObject({
      data_source: "Public company registers",
      automated_decision_making: false,
      automated_decision_logic: null,
    });
    expect(
      output
        .table("data_sharing", "records")
        .map((row) => row.id)
        .sort(),
    ).toEqual([seed.id("sh-a1"), seed.id("sh-org")].sort());
  });

  it("shows nothing of the other agent or the other organization anywhere", () => {
    const json = output.toJson();
    for (const key of ["e5-a2", "pa-a2", "sh-a2", "eb-other", "pa-b1", "sh-b1"])
      expect(json).not.toContain(seed.id(key));
    expect(json).not.toContain(seed.a2);
    expect(json).not.toContain(seed.other.orgId);
    expect(json).not.toContain("a2-only.test");
  });

  it("refuses anything but exactly one agent of the organization", async () => {
    const run = (agentIds: string[]) =>
      definition.build(
        buildContext(seed.acme.orgId, "gdpr", { agentIds }),
        new CollectingReportOutput(definition.csvColumns),
      );
    await expect(run([])).rejects.toThrow(/exactly one agent/);
    await expect(run([seed.a1, seed.a2])).rejects.toThrow(/exactly one agent/);
    await expect(run([seed.b1])).rejects.toThrow(/not an agent of this organization/);
  });
});
