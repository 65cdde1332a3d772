// Scheduled reports, retention and legal hold, as an admin does them: create a
// schedule and open its continuous record, set the org's retention, put a
// report on legal hold and release it; auditors read schedules but cannot write.
import { expect, test } from "./support/fixtures";

test.describe.configure({ timeout: 120_000 });

test("an admin creates a monthly SOC2 schedule, sees its record, pauses it; an auditor only reads", async ({
  page,
  org,
  signInAs,
}) => {
  await signInAs(org.admin);
  await page.goto("/dashboard/compliance");
  await page.getByRole("link", { name: "Scheduled reports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Scheduled reports" })).toBeVisible();
  await expect(page.getByText("No schedules yet.")).toBeVisible();

  await page.getByLabel("Report type").selectOption({ label: "SOC2 Summary" });
  await page.getByLabel("Cadence").selectOption("monthly");
  await page.getByRole("checkbox", { name: /Sales Outreach/ }).check();
  await page.getByRole("button", { name: "Create schedule" }).click();

  const table = page.getByRole("table", { name: "Schedules" });
  const row = table.getByRole("row").filter({ hasText: "Monthly SOC2 Summary" });
  await expect(row).toContainText("Sales Outreach");
  await expect(row).toContainText("active");
  // The current month closes at 00:00 UTC on the first of the next.
  const now = new Date();
  const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  await expect(row).toContainText(`${nextMonth} 00:00 UTC`);

  await row.getByRole("link", { name: "Record of Monthly SOC2 Summary" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Monthly SOC2 Summary" })).toBeVisible();
  const record = page.getByRole("table", { name: "Continuous record" });
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
  await expect(record.getByRole("row").filter({ hasText: monthStart })).toContainText("open");
  await expect(page.getByText("No gaps: every closed period has its report.")).toBeVisible();

  await page.getByRole("link", { name: "← Back to schedules" }).click();
  await row.getByRole("button", { name: "Pause Monthly SOC2 Summary" }).click();
  await expect(row).toContainText("paused");
  await expect(row.getByRole("button", { name: "Resume Monthly SOC2 Summary" })).toBeVisible();

  await signInAs(org.auditor);
  await page.goto("/dashboard/compliance/schedules");
  await expect(table.getByRole("row").filter({ hasText: "Monthly SOC2 Summary" })).toContainText("paused");
  await expect(page.getByRole("button", { name: "Create schedule" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Pause|^Resume/ })).toHaveCount(0);
});

test("an admin sets the report retention; a value out of range is refused with the reason", async ({
  page,
  org,
  signInAs,
}) => {
  await signInAs(org.admin);
  await page.goto("/dashboard/settings/api-keys");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Report retention" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Report retention" })).toBeVisible();
  const days = page.getByLabel("Report retention (days)");
  await expect(days).toHaveValue("365");

  await days.fill("4000");
  // The browser's own range check would stop the form; the server's answer is what is under test.
  await days.evaluate((input: HTMLInputElement) => input.removeAttribute("max"));
  await page.getByRole("button", { name: "Save retention" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Retention was not saved" })).toContainText("at most 3650");

  await days.fill("730");
  await page.getByRole("button", { name: "Save retention" }).click();
  await expect(page.getByText("Saved: reports are kept 730 days.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Report retention (days)")).toHaveValue("730");
});

test("an admin places a report on legal hold, which hides Delete, and releases it", async ({
  page,
  org,
  signInAs,
  database,
}) => {
  const title = `Held SOC2 ${Date.now()}`;
  await database.insertCompletedReport({
    orgId: org.id,
    type: "soc2",
    title,
    scope: { dateRange: { from: "2026-01-01", to: "2026-01-31" }, agentIds: [] },
    createdByLabel: org.admin.email,
  });
  await signInAs(org.admin);
  await page.goto("/dashboard/compliance?tab=reports");
  const row = page.getByRole("table", { name: "Reports" }).getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Expires");

  await row.getByRole("button", { name: `Place legal hold on ${title}` }).click();
  await expect(row).toContainText("legal hold");
  await expect(row.getByRole("button", { name: `Delete ${title}` })).toHaveCount(0);

  await row.getByRole("button", { name: `Release legal hold on ${title}` }).click();
  await expect(row).not.toContainText("legal hold");
  await expect(row).toContainText("Expires");
  await expect(row.getByRole("button", { name: `Delete ${title}` })).toBeVisible();
});
