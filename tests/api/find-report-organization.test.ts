// The report page's org-switch offer: which of a person's orgs holds a report.
// Only orgs where the person reads reports are searched; a report of any other
// org (one they do not belong to, one where they are a plain member or only
// invited) is as missing as an unknown id. Against a real database (SQLite, and
// PostgreSQL with TEST_DATABASE_URL).
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionIdentity } from "@/lib/auth/identity";
import { findReportOrganization } from "@/lib/compliance/requests/find-report-organization";
import { db } from "@/lib/db";
import { createTestOrg, type TestOrg } from "@/tests/support/fixtures";

let home: TestOrg;
let audited: TestOrg;
let memberOnly: TestOrg;
let invitedTo: TestOrg;
let stranger: TestOrg;
let identity: SessionIdentity;
const reports: Record<string, string> = {};

async function insertReport(org: TestOrg, name: string) {
  const report = await db.report.create({
    data: {
      orgId: org.orgId,
      type: "soc2",
      title: `${name} report`,
      scope: { agentIds: [] },
      createdByType: "user",
      createdByLabel: "test",
    },
    select: { id: true },
  });
  reports[name] = report.id;
}

beforeAll(async () => {
  [home, audited, memberOnly, invitedTo, stranger] = await Promise.all([
    createTestOrg({ name: "Home" }),
    createTestOrg({ name: "Audited" }),
    createTestOrg({ name: "Member only" }),
    createTestOrg({ name: "Invited" }),
    createTestOrg({ name: "Stranger" }),
  ]);
  const person = home.admin;
  await db.membership.createMany({
    data: [
      { orgId: audited.orgId, userId: person.id, role: "auditor" },
      { orgId: memberOnly.orgId, userId: person.id, role: "member" },
      { orgId: invitedTo.orgId, userId: person.id, role: "admin", status: "invited" },
    ],
  });
  identity = {
    kind: "session",
    userId: person.id,
    email: person.email,
    name: person.name,
    orgId: home.orgId,
    role: "admin",
  };
  for (const [org, name] of [
    [home, "home"],
    [audited, "audited"],
    [memberOnly, "memberOnly"],
    [invitedTo, "invitedTo"],
    [stranger, "stranger"],
  ] as const) {
    await insertReport(org, name);
  }
});

describe("findReportOrganization", () => {
  it("names the org of a report in any org where the person reads reports", async () => {
    expect(await findReportOrganization({ identity }, reports.audited!)).toEqual({
      id: audited.orgId,
      name: "Audited",
    });
    expect(await findReportOrganization({ identity }, reports.home!)).toEqual({ id: home.orgId, name: "Home" });
  });

  it("finds nothing elsewhere: not a member, a plain member, only invited, or no such report", async () => {
    for (const name of ["stranger", "memberOnly", "invitedTo"]) {
      expect(await findReportOrganization({ identity }, reports[name]!), name).toBeNull();
    }
    expect(await findReportOrganization({ identity }, "no-such-report")).toBeNull();
  });

  it("finds nothing once the person is disabled", async () => {
    const other = await createTestOrg({ name: "Disabled check" });
    await db.membership.create({ data: { orgId: audited.orgId, userId: other.auditor.id, role: "auditor" } });
    const asOther: SessionIdentity = { ...identity, userId: other.auditor.id, orgId: other.orgId, role: "auditor" };
    expect(await findReportOrganization({ identity: asOther }, reports.audited!)).toEqual({
      id: audited.orgId,
      name: "Audited",
    });
    await db.user.update({ where: { id: other.auditor.id }, data: { disabledAt: new Date() } });
    expect(await findReportOrganization({ identity: asOther }, reports.audited!)).toBeNull();
  });
});
