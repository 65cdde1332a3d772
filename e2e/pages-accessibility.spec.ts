// Every dashboard page an admin can open, on a desktop (1440 px) and a phone
// (390 px): no axe-core WCAG 2.1 A/AA violations, nothing pushes the page
// sideways, and a screenshot of each in test-results/screenshots/ for people
// to look at. Pages with dialogs and states of their own are checked in their specs too.
import { expectNoViolations } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

const viewports = [
  { name: "1440", width: 1440, height: 900 },
  { name: "390", width: 390, height: 844 },
] as const;

const pages = [
  { name: "overview", path: "/dashboard", heading: "Overview" },
  { name: "compliance-generate", path: "/dashboard/compliance", heading: "Compliance Reporting" },
  { name: "compliance-reports", path: "/dashboard/compliance?tab=reports", heading: "Compliance Reporting" },
  { name: "schedules", path: "/dashboard/compliance/schedules", heading: "Scheduled reports" },
  { name: "data-subject-requests", path: "/dashboard/compliance/requests", heading: "Data-subject requests" },
  { name: "privacy-profile", path: "/dashboard/compliance/privacy-profile", heading: "Privacy profile" },
  { name: "register", path: "/dashboard/compliance/register", heading: "Record of processing activities" },
  { name: "agents", path: "/dashboard/agents", heading: "Agents" },
  { name: "users", path: "/dashboard/users", heading: "Users" },
  { name: "api-keys", path: "/dashboard/settings/api-keys", heading: "API keys" },
  { name: "retention", path: "/dashboard/settings/retention", heading: "Report retention" },
] as const;

for (const viewport of viewports) {
  test(`every dashboard page at ${viewport.width} px: no accessibility violations, no sideways scroll`, async ({
    page,
    org,
    signInAs,
  }) => {
    // axe takes seconds per page on a busy machine.
    test.setTimeout(300_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signInAs(org.admin);
    await openOverview(page);
    for (const target of pages) {
      await page.goto(target.path);
      await expect(page.getByRole("heading", { level: 1, name: target.heading })).toBeVisible();
      // Let data that loads after the page (React Query) arrive before checking it.
      await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
      await expectNoViolations(page, `${target.name} at ${viewport.width} px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${target.name} at ${viewport.width} px scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: `test-results/screenshots/page-${target.name}-${viewport.name}.png`,
        fullPage: true,
      });
    }
  });
}
