// Finding a report as an auditor or admin does: search by title, the Period and
// Scope columns, sorting and the period filter (kept in the URL), "Run again" with a new period, and
// the list as cards on a phone. Each test brings its own org and reports.
import type { Page } from "@playwright/test";
import { expectNoViolations } from "./support/accessibility";
import { expect, test, type E2eOrg } from "./support/fixtures";
import type { DatabaseOperations } from "./support/database/database-operations";

type Seeded = { title: string; period: [string, string] | null };

/** Four reports, one minute apart (oldest first), with known titles and periods. */
async function seedReports(database: DatabaseOperations, org: E2eOrg, run: string): Promise<Seeded[]> {
  const triage = org.agents["Support Triage"];
  const seeded: (Seeded & { type: "soc2" | "gdpr" | "audit"; agentIds: string[] })[] = [
    { type: "soc2", title: `Q3 SOC2 ${run}`, period: ["2026-07-01", "2026-09-30"], agentIds: [] },
    { type: "gdpr", title: `DSAR Triage ${run}`, period: null, agentIds: [triage.id] },
    { type: "audit", title: `August audit Triage ${run}`, period: ["2026-08-01", "2026-08-31"], agentIds: [triage.id] },
    { type: "soc2", title: `January SOC2 ${run}`, period: ["2026-01-01", "2026-01-31"], agentIds: [] },
  ];
  for (const [index, report] of seeded.entries()) {
    await database.insertCompletedReport({
      orgId: org.id,
      type: report.type,
      title: report.title,
      scope: report.period
        ? { dateRange: { from: report.period[0], to: report.period[1] }, agentIds: report.agentIds }
        : { agentIds: report.agentIds },
      createdByLabel: org.admin.email,
      createdAt: new Date(Date.now() - (seeded.length - index) * 60_000),
    });
  }
  return seeded;
}

// Axe and several reloads per test: generous on a shared, loaded machine.
test.describe.configure({ timeout: 120_000 });

const reportsTable = (page: Page) => page.getByRole("table", { name: "Reports" });
const titleLinks = (page: Page) => reportsTable(page).locator("tbody tr td:first-child a");

test("an auditor searches by title and sorts by period; both stay in the URL", async ({
  page,
  org,
  signInAs,
  database,
}) => {
  const run = String(Date.now());
  const seeded = await seedReports(database, org, run);
  await signInAs(org.auditor);
  await page.goto("/dashboard/compliance?tab=reports");
  await expect(titleLinks(page)).toHaveText(seeded.map((report) => report.title).reverse());

  // Period and Scope are columns of their own.
  const august = reportsTable(page).getByRole("row", { name: new RegExp(`August audit Triage ${run}`) });
  await expect(august.getByRole("cell").nth(2)).toHaveText("2026-08-01 – 2026-08-31");
  await expect(august.getByRole("cell").nth(3)).toHaveText("Support Triage");
  const dsar = reportsTable(page).getByRole("row", { name: new RegExp(`DSAR Triage ${run}`) });
  await expect(dsar.getByRole("cell").nth(2)).toHaveText("All records");
  const q3 = reportsTable(page).getByRole("row", { name: new RegExp(`Q3 SOC2 ${run}`) });
  await expect(q3.getByRole("cell").nth(3)).toHaveText("All agents");
  // An auditor reads: downloads, no Run again.
  await expect(reportsTable(page).getByRole("button", { name: /^Run again/ })).toHaveCount(0);

  // Words of the title, any case, any order; the server does the searching.
  await page.getByRole("searchbox", { name: "Search titles" }).fill("triage");
  await expect(page).toHaveURL(/[?&]q=triage(&|$)/);
  await expect(titleLinks(page)).toHaveText([`August audit Triage ${run}`, `DSAR Triage ${run}`]);
  await page.getByRole("searchbox", { name: "Search titles" }).fill("TRIAGE august");
  await expect(titleLinks(page)).toHaveText([`August audit Triage ${run}`]);
  await page.getByRole("searchbox", { name: "Search titles" }).fill("no such report");
  await expect(page.getByText("No reports match these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByRole("searchbox", { name: "Search titles" })).toHaveValue("");
  await expect(titleLinks(page)).toHaveCount(4);
  await expect(page).not.toHaveURL(/[?&]q=/);

  await page.getByLabel("Sort by").selectOption({ label: "Period, earliest first" });
  await expect(page).toHaveURL(/[?&]sort=period&order=asc(&|$)/);
  // A GDPR export has no period: it comes last either way.
  await expect(titleLinks(page)).toHaveText([
    `January SOC2 ${run}`,
    `August audit Triage ${run}`,
    `Q3 SOC2 ${run}`,
    `DSAR Triage ${run}`,
  ]);
  await expect(reportsTable(page).getByRole("columnheader", { name: "Period (UTC)" })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );

  // A reload (or a shared link) keeps the search and the order.
  await page.getByRole("searchbox", { name: "Search titles" }).fill("soc2");
  await expect(page).toHaveURL(/[?&]q=soc2(&|$)/);
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search titles" })).toHaveValue("soc2");
  await expect(page.getByLabel("Sort by")).toHaveValue("period:asc");
  await expect(titleLinks(page)).toHaveText([`January SOC2 ${run}`, `Q3 SOC2 ${run}`]);
  await expectNoViolations(page, "reports list, searched and sorted");

  await page.getByLabel("Sort by").selectOption({ label: "Title, Z to A" });
  await expect(titleLinks(page)).toHaveText([`Q3 SOC2 ${run}`, `January SOC2 ${run}`]);
  await page.getByLabel("Sort by").selectOption({ label: "Newest first" });
  await expect(page).not.toHaveURL(/[?&]sort=/);
});

/** A UTC day `months` calendar months from the first of this month, plus `days`, as YYYY-MM-DD. */
function utcDay(months: number, days = 0): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1 + days)).toISOString().slice(0, 10);
}

test("an auditor filters by the period reports cover: last month, custom days; kept in the URL", async ({
  page,
  org,
  signInAs,
  database,
}) => {
  const run = String(Date.now());
  const lastMonth = { from: utcDay(-1), to: utcDay(0, -1) };
  const triage = org.agents["Support Triage"];
  const reports = [
    { type: "soc2", title: `Last month SOC2 ${run}`, period: [lastMonth.from, lastMonth.to] },
    // Ends on the first day of last month: overlaps it by one day.
    { type: "audit", title: `Overlapping audit ${run}`, period: [utcDay(-2, 10), lastMonth.from] },
    { type: "audit", title: `Old audit ${run}`, period: ["2020-01-01", "2020-01-31"] },
    { type: "gdpr", title: `DSAR ${run}`, period: null },
  ] as const;
  for (const [index, report] of reports.entries()) {
    await database.insertCompletedReport({
      orgId: org.id,
      type: report.type,
      title: report.title,
      scope: report.period
        ? { dateRange: { from: report.period[0], to: report.period[1] }, agentIds: [] }
        : { agentIds: [triage.id] },
      createdByLabel: org.admin.email,
      createdAt: new Date(Date.now() - (reports.length - index) * 60_000),
    });
  }
  await signInAs(org.auditor);
  await page.goto("/dashboard/compliance?tab=reports");
  await expect(titleLinks(page)).toHaveCount(4);

  const period = page.getByLabel("Period", { exact: true });
  await period.selectOption({ label: "Last month" });
  await expect(page).toHaveURL(new RegExp(`[?&]periodFrom=${lastMonth.from}&periodTo=${lastMonth.to}(&|$)`));
  await expect(period).toHaveAccessibleDescription(`${lastMonth.from} – ${lastMonth.to} (UTC)`);
  // Newest first; a GDPR export has no period, so no period filter keeps it.
  await expect(titleLinks(page)).toHaveText([`Overlapping audit ${run}`, `Last month SOC2 ${run}`]);

  // A reload (or a shared link) keeps the period, and the quick period is named again.
  await page.reload();
  await expect(period).toHaveValue("last-month");
  await expect(titleLinks(page)).toHaveText([`Overlapping audit ${run}`, `Last month SOC2 ${run}`]);

  // Custom days start from the ones shown.
  await period.selectOption({ label: "Custom…" });
  const customFrom = page.getByLabel("Period from");
  const customTo = page.getByLabel("Period to");
  await expect(customFrom).toHaveValue(lastMonth.from);
  await expect(customTo).toHaveValue(lastMonth.to);
  await customFrom.fill("2020-01-31");
  await customTo.fill("2020-02-15");
  await expect(page).toHaveURL(/[?&]periodFrom=2020-01-31&periodTo=2020-02-15(&|$)/);
  await expect(titleLinks(page)).toHaveText([`Old audit ${run}`]);

  // A period ending before it starts is refused in place; the list stays as it was.
  await customTo.fill("2020-01-15");
  await expect(customTo).toHaveAttribute("aria-invalid", "true");
  await expect(customTo).toHaveAccessibleDescription("On or after the first day");
  await expect(page).toHaveURL(/[?&]periodTo=2020-02-15(&|$)/);
  await expect(titleLinks(page)).toHaveText([`Old audit ${run}`]);
  await expectNoViolations(page, "reports list, custom period with an error");

  await customFrom.fill("2019-01-01");
  await customTo.fill("2019-12-31");
  await expect(page.getByText("No reports match these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(period).toHaveValue("");
  await expect(customFrom).toHaveCount(0);
  await expect(page).not.toHaveURL(/[?&]period(From|To)=/);
  await expect(titleLinks(page)).toHaveCount(4);
});

test("an admin runs a completed report again for last month, with its type and agents", async ({
  page,
  org,
  signInAs,
  database,
}) => {
  const run = String(Date.now());
  await seedReports(database, org, run);
  await signInAs(org.admin);
  await page.goto("/dashboard/compliance?tab=reports");
  const title = `August audit Triage ${run}`;
  await reportsTable(page)
    .getByRole("button", { name: `Run again: ${title}` })
    .click();

  await expect(page.getByRole("tab", { name: "Generate" })).toHaveAttribute("aria-selected", "true");
  const notice = page.getByRole("status").filter({ hasText: `Same type and scope as “${title}”` });
  await expect(notice).toBeVisible();
  // Focus follows the switch of tab, so a screen reader hears why the form changed.
  await expect(page.locator(":focus")).toContainText("Run again");
  await expect(page.getByLabel("Report Type")).toHaveValue("audit");
  await expect(page.getByLabel("From")).toHaveValue("2026-08-01");
  await expect(page.getByLabel("To")).toHaveValue("2026-08-31");
  await expect(page.getByRole("group", { name: "Quick periods" })).toBeVisible();

  const lastMonth = page.getByRole("button", { name: "Last month" });
  await lastMonth.click();
  await expect(lastMonth).toHaveAttribute("aria-pressed", "true");
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).toISOString().slice(0, 10);
  await expect(page.getByLabel("From")).toHaveValue(from);
  await expect(page.getByLabel("To")).toHaveValue(to);
  await expectNoViolations(page, "generate form prefilled by Run again");

  await page.getByRole("button", { name: "Generate Report" }).click();
  await expect(page.getByRole("tab", { name: "Reports" })).toHaveAttribute("aria-selected", "true");
  const created = reportsTable(page).locator("tbody tr[data-highlighted]");
  await expect(created.getByRole("cell").nth(2)).toHaveText(`${from} – ${to}`);
  await expect(created.getByRole("cell").nth(3)).toHaveText("Support Triage");
  await expect(created).toContainText("Audit Summary");
  // When it finishes, a polite live region says so.
  await expect(page.getByRole("status").filter({ hasText: /is ready to download/ })).toHaveText(
    /^“Audit Summary .*” is ready to download\.$/,
    { timeout: 90_000 },
  );
  await expect(created).toContainText("completed");
});

test("on a phone (390 px) the reports are cards with their actions in view", async ({
  page,
  org,
  signInAs,
  database,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const run = String(Date.now());
  await seedReports(database, org, run);
  await signInAs(org.admin);
  await page.goto("/dashboard/compliance?tab=reports");

  const cards = page.getByRole("list", { name: "Reports" }).getByRole("listitem");
  await expect(cards).toHaveCount(4);
  await expect(reportsTable(page)).toBeHidden();
  const card = cards.filter({ hasText: `August audit Triage ${run}` });
  await expect(card.getByRole("heading", { name: `August audit Triage ${run}` })).toBeVisible();
  await expect(card).toContainText("2026-08-01 – 2026-08-31");
  await expect(card).toContainText("Support Triage");
  // Every action fits across the screen: nothing to scroll sideways to.
  for (const name of [/^Download JSON/, /^Download CSV/, /^Download evidence package/, /^Run again/, /^Delete/]) {
    const action = card.getByRole("button", { name }).or(card.getByRole("link", { name }));
    await expect(action).toBeVisible();
    const box = await action.boundingBox();
    expect(box, String(name)).not.toBeNull();
    expect(box!.x, String(name)).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, String(name)).toBeLessThanOrEqual(390);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoViolations(page, "reports as cards at 390 px");
  await page.screenshot({ path: "test-results/screenshots/compliance-reports-cards-390.png", fullPage: true });

  // Run again works from a card too.
  await card.getByRole("button", { name: /^Run again/ }).click();
  await expect(page.getByLabel("Report Type")).toHaveValue("audit");
});
