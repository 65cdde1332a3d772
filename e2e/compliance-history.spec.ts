// The report history of a long-running org: "Load more" pages through it with the
// API's cursor, and the type and status filters narrow it (the test's own org,
// so no other spec's reports mix in).
import { expect, test } from "./support/fixtures";

test("Load more pages through a long history and the filters narrow it", async ({ page, org, signInAs, database }) => {
  const run = Date.now();
  const types = ["soc2", "gdpr", "audit"] as const;
  const titles: string[] = [];
  for (let index = 0; index < 23; index++) {
    const type = types[index % 3]!;
    const title = `History ${run} #${String(index).padStart(2, "0")} ${type}`;
    titles.push(title);
    await database.insertFailedReport({
      orgId: org.id,
      type,
      title,
      scope:
        type === "gdpr"
          ? { agentIds: ["agent-x"] }
          : { dateRange: { from: "2026-01-01", to: "2026-01-31" }, agentIds: [] },
      errorCode: "source_failed",
      createdByLabel: org.admin.email,
      // One minute apart, newest last, so the order is known.
      createdAt: new Date(Date.now() - (23 - index) * 60_000),
    });
  }

  await signInAs(org.admin);
  await page.goto("/dashboard/compliance?tab=reports");
  const table = page.getByRole("table", { name: "Reports" });
  const bodyRows = table.locator("tbody").getByRole("row");
  await expect(bodyRows).toHaveCount(20);
  // Newest first.
  await expect(bodyRows.first()).toContainText(titles[22]!);
  await expect(table).not.toContainText(titles[0]!);

  await page.getByRole("button", { name: "Load more" }).click();
  await expect(table).toContainText(titles[0]!);
  expect(await bodyRows.count()).toBeGreaterThanOrEqual(23);

  // Filters are applied by the server, so they see past the first page too.
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "GDPR Export" });
  const gdprTitles = titles.filter((_, index) => types[index % 3] === "gdpr");
  for (const title of gdprTitles) await expect(table).toContainText(title);
  await expect(bodyRows.filter({ hasNotText: "GDPR" })).toHaveCount(0);
  await expect(table).not.toContainText(titles[0]!);

  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Completed" });
  await expect(page.getByText("No reports match these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByLabel("Type", { exact: true })).toHaveValue("");
  // Back to the unfiltered history, both pages already loaded.
  await expect(table).toContainText(titles[0]!);
  await expect(table).toContainText(titles[1]!);
});

test("the type and status filters live in the URL: a reload or a shared link keeps them", async ({
  page,
  org,
  signInAs,
  database,
}) => {
  for (const type of ["soc2", "audit"] as const) {
    await database.insertFailedReport({
      orgId: org.id,
      type,
      title: `Filtered ${type} ${Date.now()}`,
      scope: { dateRange: { from: "2026-01-01", to: "2026-01-31" }, agentIds: [] },
      errorCode: "source_failed",
      createdByLabel: org.admin.email,
    });
  }
  await signInAs(org.auditor);
  await page.goto("/dashboard/compliance?tab=reports");
  const table = page.getByRole("table", { name: "Reports" });
  await expect(table.getByRole("row")).toHaveCount(3);
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Audit Summary" });
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Failed" });
  await expect(page).toHaveURL(/[?&]type=audit(&|$)/);
  await expect(page).toHaveURL(/[?&]status=failed(&|$)/);
  await expect(table.getByRole("row")).toHaveCount(2);

  await page.reload();
  await expect(page.getByLabel("Type", { exact: true })).toHaveValue("audit");
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("failed");
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("Filtered audit");

  // Clearing a filter takes it out of the URL; an unknown value in a link is ignored.
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "All types" });
  await expect(page).not.toHaveURL(/type=/);
  await page.goto("/dashboard/compliance?tab=reports&type=pdf");
  await expect(page.getByLabel("Type", { exact: true })).toHaveValue("");
  await expect(table.getByRole("row")).toHaveCount(3);
});
