// Each role's navigation holds only what the role can open, and each role's landing page.
import { describe, expect, it } from "vitest";
import { navItemsForRole } from "@/components/layout/nav-items";
import { landingPathFor } from "@/lib/dashboard/landing-path-for";

describe("navigation per role", () => {
  it.each([
    ["admin", ["Overview", "Compliance", "Agents", "Users", "Settings"]],
    ["auditor", ["Overview", "Compliance", "Agents", "Users"]],
    ["member", ["Overview"]],
  ] as const)("%s sees %j", (role, labels) => {
    expect(navItemsForRole(role).map((item) => item.label)).toEqual(labels);
  });

  it("sends auditors to the Reports list and the others to the overview", () => {
    expect(landingPathFor("auditor")).toBe("/dashboard/compliance?tab=reports");
    expect(landingPathFor("admin")).toBe("/dashboard");
    expect(landingPathFor("member")).toBe("/dashboard");
  });
});
