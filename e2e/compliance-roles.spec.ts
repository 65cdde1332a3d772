// Who sees what on the Compliance page: auditors read and download but cannot
// generate or delete; members are refused; signed-out visitors sign in and come back.
import { createReport, downloadText, reportRow, waitForCompleted } from "./support/compliance-reports";
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

test("an auditor sees the Reports tab without Generate, and can download a completed report", async ({
  browser,
  page,
  org,
  signInAs,
}) => {
  test.setTimeout(120_000);
  // An admin (in a separate browser context) generates the report through the API.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInAs(org.admin, { context: adminContext });
  await openOverview(adminPage);
  const created = await createReport(adminContext.request, "audit", {
    dateRange: { from: "2026-01-01", to: "2026-01-31" },
  });
  await waitForCompleted(adminContext.request, created.id);
  await adminContext.close();

  await signInAs(org.auditor);
  await page.goto("/dashboard/compliance");
  await expect(page.getByRole("heading", { level: 1, name: "Compliance Reporting" })).toBeVisible();
  await expect(page.getByRole("tab")).toHaveCount(1);
  await expect(page.getByRole("tab", { name: "Reports" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tab", { name: "Generate" })).toHaveCount(0);
  await expect(page.getByLabel("Report Type")).toHaveCount(0);

  const row = reportRow(page, created.id);
  await expect(row).toContainText("completed");
  await expect(row.getByRole("button", { name: /Delete/ })).toHaveCount(0);
  const csv = await downloadText(page, row.getByRole("link", { name: /Download CSV/ }));
  expect(csv.text.split(/\r?\n/)[0]).toMatch(/^\uFEFF?section,/);
});

test("a member has no Compliance entry in the nav and gets a 403 page at its URL", async ({ page, org, signInAs }) => {
  await signInAs(org.member);
  await openOverview(page);
  await expect(
    page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Compliance" }),
  ).toHaveCount(0);
  const response = await page.goto("/dashboard/compliance");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
  await expect(page.getByRole("tab")).toHaveCount(0);

  const viewer = await page.goto("/dashboard/compliance/reports/any-id");
  expect(viewer?.status()).toBe(403);
});

test("a signed-out visitor is sent to sign in and comes back to the Reports tab", async ({ page, org }) => {
  await page.goto("/dashboard/compliance?tab=reports");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill(org.admin.email);
  await page.getByLabel("Password").fill(org.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard\/compliance\?tab=reports$/);
  await expect(page.getByRole("tab", { name: "Reports" })).toHaveAttribute("aria-selected", "true");
});
