// The report viewer's tables as an auditor works them: a contents panel with
// each section's row count and its exceptions, in view while the report
// scrolls; per-table search and actor/action/outcome filters; a header and
// first column that stay in view; a wide table's rows opened as details; and
// paging that returns to the table's top.
import type { Locator, Page } from "@playwright/test";
import { expectNoViolations } from "./support/accessibility";
import { createReport, waitForCompleted } from "./support/compliance-reports";
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

type Row = Record<string, unknown>;
type Section = { title: string; summary: Record<string, unknown>; tables: Record<string, Row[]> };

function daysAgo(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days))
    .toISOString()
    .slice(0, 10);
}

const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

const humanize = (key: string) => {
  const words = key.replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  return box!;
}

async function scrollBox(page: Page, region: Locator, to: { top?: number; left?: number }) {
  await region.evaluate((element, position) => element.scrollTo(position), to);
  await page.waitForTimeout(100);
}

test("an auditor reads a report by its contents, searches and filters a table, and opens a wide row's details", async ({
  page,
  org,
  signInAs,
  database,
}) => {
  test.setTimeout(180_000);
  // More sign-ins than one page of the events table holds, some failed.
  await database.insertSignIns(org.id, 60);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(org.admin);
  await openOverview(page);
  const created = await createReport(page.request, "soc2", { dateRange: { from: daysAgo(29), to: daysAgo(0) } });
  const report = await waitForCompleted(page.request, created.id);
  const reportJson = (await (
    await page.request.get(`/api/engine/compliance/reports/${report.id}/download?format=json`)
  ).json()) as { sections: Record<string, Section> };

  await signInAs(org.auditor);
  await page.goto(`/dashboard/compliance/reports/${report.id}`);
  await expect(page.getByRole("table", { name: "Population manifest" })).toBeVisible({ timeout: 60_000 });

  // Contents: every section with its rows; those with exceptions say which.
  const contents = page.getByRole("navigation", { name: "Report contents" });
  for (const section of Object.values(reportJson.sections)) {
    const rows = Object.values(section.tables).reduce((sum, table) => sum + table.length, 0);
    const link = contents.getByRole("link", { name: startsWith(section.title) });
    await expect(link).toContainText(`${rows.toLocaleString("en-US")} ${rows === 1 ? "row" : "rows"}`);
  }
  const dlp = Object.values(reportJson.sections).find((section) => section.title.startsWith("DLP"))!;
  const violations = Number(dlp.summary.violations);
  expect(violations).toBeGreaterThan(0);
  await expect(contents.getByRole("link", { name: startsWith(dlp.title) })).toContainText(
    `Exceptions: ${violations} DLP violation`,
  );
  const boundaries = Object.values(reportJson.sections).find(
    (section) => section.title === "Agent permission boundaries",
  )!;
  await expect(contents.getByRole("link", { name: startsWith(boundaries.title) })).not.toContainText("Exceptions");
  // It stays in view while the report scrolls.
  const last = Object.values(reportJson.sections).at(-1)!;
  await contents.getByRole("link", { name: startsWith(last.title) }).click();
  await expect(page.getByRole("heading", { level: 2, name: last.title })).toBeInViewport();
  await expect(contents).toBeInViewport();

  // The longest events table: condensed to the columns people scan by, every field behind Details.
  const eventsSection = Object.values(reportJson.sections)
    .filter((candidate) => (candidate.tables.events?.length ?? 0) > 50)
    .sort((a, b) => b.tables.events!.length - a.tables.events!.length)[0]!;
  const events = eventsSection.tables.events!;
  const columns = Object.keys(events[0]!);
  expect(columns.length).toBeGreaterThan(8);
  const section = page.getByRole("region", { name: eventsSection.title });
  const region = section.getByRole("region", { name: "Events table" });
  const table = region.getByRole("table");
  await section.scrollIntoViewIfNeeded();
  await expect(table.getByRole("columnheader")).toHaveCount(6);
  const details = table.getByRole("button", { name: "Details of row 1", exact: true });
  await details.click();
  await expect(details).toHaveAttribute("aria-expanded", "true");
  const opened = page.locator(`#${await details.getAttribute("aria-controls")}`);
  for (const column of columns) await expect(opened.getByText(humanize(column), { exact: true })).toBeVisible();
  await expect(opened).toContainText(String(events[0]!.id));

  // The header stays in view while the table scrolls inside its box.
  const boxTop = (await boxOf(region)).y;
  await scrollBox(page, region, { top: 400 });
  expect(await region.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
  expect(Math.abs((await boxOf(table.getByRole("columnheader").first())).y - boxTop)).toBeLessThanOrEqual(2);

  // Paging returns to the table's first rows, in the page and in the box.
  await scrollBox(page, region, { top: 400 });
  await section.getByRole("button", { name: "Next page of Events" }).click();
  await expect(page.locator(`[id="${await table.getAttribute("aria-describedby")}"]`)).toHaveText(/^Rows 51–/);
  await expect.poll(() => region.evaluate((element) => element.scrollTop)).toBe(0);
  await expect(table.locator("caption")).toBeInViewport();

  // Search: words anywhere in a row; the count of matching rows is said. A report this size is
  // shown as a preview (each table's first rows), so the search covers the rows loaded and says so.
  const range = page.locator(`[id="${await table.getAttribute("aria-describedby")}"]`);
  const rangeText = (await range.textContent()) ?? "";
  const loadedCount = Number(/^Rows [\d,]+–[\d,]+ of ([\d,]+)/.exec(rangeText)![1]!.replace(/,/g, ""));
  const loadedNote = loadedCount < events.length ? " loaded" : "";
  const loaded = events.slice(0, loadedCount);
  const filters = section.getByRole("group", { name: "Search and filter Events" });
  const failedLogins = loaded.filter((row) => row.action === "auth.login_failed");
  expect(failedLogins.length).toBeGreaterThan(0);
  await filters.getByRole("searchbox", { name: "Search Events" }).fill("LOGIN_FAILED");
  await expect(range).toHaveText(
    new RegExp(
      `^Rows 1–${Math.min(50, failedLogins.length)} of ${failedLogins.length} matching \\(of ${loadedCount}${loadedNote}\\)`,
    ),
  );
  // Filters by actor, action and outcome, from the values the table holds.
  const outcome = filters.getByLabel("Outcome in Events");
  await expect(outcome.getByRole("option")).toHaveText([
    "Any",
    ...[...new Set(loaded.map((row) => String(row.outcome)))].sort((a, b) => a.localeCompare(b, "en")),
  ]);
  await filters.getByRole("searchbox", { name: "Search Events" }).fill("");
  await filters.getByLabel("Action in Events").selectOption("auth.login_failed");
  await outcome.selectOption("failure");
  const failed = failedLogins.filter((row) => row.outcome === "failure").length;
  await expect(range).toHaveText(new RegExp(`of ${failed} matching \\(of ${loadedCount}${loadedNote}\\)`));
  expect(failed).toBeGreaterThan(0);
  await expect(table.getByRole("button", { name: /^Details of row / })).toHaveCount(Math.min(50, failed));
  await expectNoViolations(page, "report tables with details open and filters set");
  await page.screenshot({ path: "test-results/screenshots/report-tables-1440.png" });

  await filters.getByRole("button", { name: "Clear the search and filters of Events" }).click();
  await expect(range).toHaveText(rangeText.replace(/^Rows 51–[\d,]+/, "Rows 1–50"));

  // On a phone the contents sit above the report; nothing pushes the page sideways, and
  // the first column stays in view while a table scrolls sideways inside its box.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/dashboard/compliance/reports/${report.id}`);
  await expect(page.getByRole("table", { name: "Population manifest" })).toBeVisible({ timeout: 60_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screenshots/report-viewer-top-390.png" });
  await section.scrollIntoViewIfNeeded();
  const boxLeft = (await boxOf(region)).x;
  const secondColumnLeft = (await boxOf(table.getByRole("columnheader").nth(1))).x;
  await scrollBox(page, region, { left: 200 });
  expect(await region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  expect(Math.abs((await boxOf(table.getByRole("columnheader").first())).x - boxLeft)).toBeLessThanOrEqual(2);
  expect(Math.abs((await boxOf(table.locator("tbody td").first())).x - boxLeft)).toBeLessThanOrEqual(2);
  expect((await boxOf(table.getByRole("columnheader").nth(1))).x).toBeLessThan(secondColumnLeft);
  await page.screenshot({ path: "test-results/screenshots/report-tables-390.png" });
});
