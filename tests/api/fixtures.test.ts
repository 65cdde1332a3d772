import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { createTestOrg } from "@/tests/support/fixtures";

describe("createTestOrg", () => {
  it("creates an org with an admin, an auditor and a member in the run's database", async () => {
    const { orgId, admin, auditor, member } = await createTestOrg({ name: "Fixture Check" });

    const memberships = await db.membership.findMany({
      where: { orgId },
      select: { role: true, user: { select: { email: true } } },
      orderBy: { role: "asc" },
    });
    expect(memberships).toEqual([
      { role: "admin", user: { email: admin.email } },
      { role: "auditor", user: { email: auditor.email } },
      { role: "member", user: { email: member.email } },
    ]);
    expect(process.env.DATABASE_URL).toBe(inject("databaseUrl"));
  });

  it("never collides with another org", async () => {
    const [first, second] = await Promise.all([createTestOrg(), createTestOrg()]);
    expect(first.orgId).not.toBe(second.orgId);
    expect(first.admin.email).not.toBe(second.admin.email);
  });
});
