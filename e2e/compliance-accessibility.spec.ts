// axe-core's WCAG 2.1 A/AA rules on the Compliance page (both tabs, inline errors,
// the delete confirmation) and on the report viewer with its charts.
import { expectNoViolations } from "./support/accessibility";
import { createReport, waitForCompleted } from "./support/compliance-reports";
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

test("the Compliance tabs, their inline errors and the delete dialog have no accessibility violations", async ({
  page,
  org,
  signInAs,
  database,
}) => {
  test.setTimeout(120_000);
  const title = `A11y failed report ${Date.now()}`;
  await database.insertFailedReport({
    orgId: org.id,
    type: "soc2",
    title,
    scope: { dateRange: { from: "2026-01-01", to: "2026-01-31" }, agentIds: [] },
    errorCode: "source_failed",
    createdByLabel: org.admin.email,
  });
  await signInAs(org.admin);
  await openOverview(page);
  await page.goto("/dashboard/compliance");
  await expect(page.getByRole("checkbox").first()).toBeVisible();
  await expectNoViolations(page, "generate");

  await page.getByLabel("Report Type").selectOption({ label: "GDPR Export" });
  await page.getByRole("button", { name: "Generate Report" }).click();
  await expect(page.getByLabel("Agent (required)")).toHaveAttribute("aria-invalid", "true");
  await expectNoViolations(page, "generate with an inline error");

  await page.getByRole("tab", { name: "Reports" }).click();
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("failed");
  await expectNoViolations(page, "reports");

  await row.getByRole("button", { name: `Delete ${title}` }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await expectNoViolations(page, "delete confirmation");
});

test("the report viewer has no accessibility violations", async ({ page, org, signInAs }) => {
  test.setTimeout(120_000);
  await signInAs(org.admin);
  await openOverview(page);
  const today = new Date().toISOString().slice(0, 10);
  const created = await createReport(page.request, "audit", { dateRange: { from: "2026-09-01", to: today } });
  await waitForCompleted(page.request, created.id);
  await page.goto(`/dashboard/compliance/reports/${created.id}`);
  await expect(page.getByRole("table", { name: "Population manifest" })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible();
  await expectNoViolations(page, "viewer");
  // Each chart a keyboard can enter (role="application") says what it shows and what it found.
  const charts = page.getByRole("application");
  expect(await charts.count()).toBeGreaterThan(0);
  for (const chart of await charts.all()) {
    await expect(chart).toHaveAccessibleName(/\S/);
    await expect(chart).toHaveAccessibleDescription(/\d/);
  }
});
