// The printed report as evidence: landscape pages with the report id, the files'
// SHA-256 and page numbers in the margins of every page, ids and numbers that
// never break, each table's first rows with their place in the whole population,
// and tables too wide for the page printed as one record per row. Produces an
// A4 landscape PDF and screenshot in test-results/screenshots/ for people to check.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createReport, waitForCompleted } from "./support/compliance-reports";
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

function daysAgo(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days))
    .toISOString()
    .slice(0, 10);
}

// A4 landscape at 96 CSS px per inch, less the report page's 10 mm side margins (globals.css): the printable width.
const a4Landscape = { width: 1047, height: 794 };

test("a printed report is evidence-grade: margins name it on every page, ids stay whole, every table says what part it prints", async ({
  page,
  org,
  signInAs,
  database,
}) => {
  test.setTimeout(180_000);
  // 120 more accounts signing in: a sign-in breakdown and an events population longer than a printout.
  await database.insertSignIns(org.id, 120);
  await page.setViewportSize(a4Landscape);
  await signInAs(org.admin);
  await openOverview(page);
  const created = await createReport(page.request, "soc2", { dateRange: { from: daysAgo(29), to: daysAgo(0) } });
  const report = await waitForCompleted(page.request, created.id);
  const reportJson = (await (
    await page.request.get(`/api/engine/compliance/reports/${report.id}/download?format=json`)
  ).json()) as { sections: Record<string, { title: string; tables: Record<string, Record<string, unknown>[]> }> };
  const tables = Object.values(reportJson.sections).flatMap((section) =>
    Object.entries(section.tables).map(([name, rows]) => ({ section: section.title, name, rows })),
  );
  // The fixture's month gives tables longer than a screen page and wider than a printed one.
  const long = tables.filter((table) => table.rows.length > 100);
  const signIns = tables.find((table) => table.name === "sign_ins_by_user")!;
  expect(signIns.rows.length).toBeGreaterThan(100);
  expect(Object.keys(signIns.rows[0]!).length).toBeLessThanOrEqual(8);

  await page.goto(`/dashboard/compliance/reports/${report.id}`);
  await expect(page.getByRole("table", { name: "Population manifest" })).toBeVisible({ timeout: 60_000 });
  // The chart draws the 15 busiest accounts and says so, with the whole the table counts.
  const count = (action: string) =>
    signIns.rows.filter((row) => row.action === action).reduce((sum, row) => sum + Number(row.count), 0);
  const accounts = new Set(signIns.rows.map((row) => row.actor)).size;
  await expect(page.getByRole("figure", { name: "Logins vs failures" })).toHaveAccessibleDescription(
    new RegExp(
      `^Top 15 of ${accounts} users: [\\d,]+ of ${count("auth.login").toLocaleString("en-US")} successful and ` +
        `[\\d,]+ of ${count("auth.login_failed").toLocaleString("en-US")} failed sign-ins`,
    ),
  );

  await page.emulateMedia({ media: "print" });

  // Every page's margins: report id and title, generation time, both SHA-256, "Page n of m".
  const margins = await page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    const read = (name: string) => style.getPropertyValue(name);
    const pageRules: string[] = [];
    const visit = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSPageRule) pageRules.push(rule.cssText);
        else if ("cssRules" in rule) visit((rule as CSSGroupingRule).cssRules);
      }
    };
    for (const sheet of Array.from(document.styleSheets)) visit(sheet.cssRules);
    return {
      header: read("--report-print-header"),
      digest: read("--report-print-digest"),
      pageRules: pageRules.filter((text) => text.includes("report")).join("\n"),
    };
  });
  expect(margins.header).toContain(report.id);
  expect(margins.digest).toContain(report.artifacts!.json!.sha256);
  expect(margins.digest).toContain(report.artifacts!.csv!.sha256);
  expect(margins.pageRules).toMatch(/size: landscape/);
  expect(margins.pageRules).toContain("var(--report-print-header");
  expect(margins.pageRules).toContain("var(--report-print-digest");
  expect(margins.pageRules).toMatch(/counter\(page\).*counter\(pages\)/);

  for (const table of long) {
    const note = `First 100 of ${table.rows.length.toLocaleString("en-US")} rows printed — full population in the CSV.`;
    await expect(page.getByText(note).first()).toBeVisible();
  }
  // A table that fits keeps its columns and prints its first 100 rows, not the 50 of the screen page.
  const printedSignIns = page.getByRole("table", { name: /^Sign ins by user \(/ });
  await expect(printedSignIns.locator("tbody tr:visible")).toHaveCount(100);
  // A table too wide for the page prints as records: no 16 columns squeezed until ids break.
  const wide = tables.filter((table) => table.rows.length > 0 && Object.keys(table.rows[0]!).length > 8);
  expect(wide.length).toBeGreaterThan(0);
  const records = page.locator("[data-printed-records]");
  await expect(records.first()).toBeVisible();
  const events = tables.find((table) => table.name === "events" && table.rows.length > 100)!;
  const printedEvents = records.filter({ hasText: `Events (${events.rows.length.toLocaleString("en-US")} rows` });
  await expect(printedEvents.getByRole("listitem")).toHaveCount(100);
  const widestPrintedTable = await page.evaluate(() =>
    Math.max(
      0,
      ...Array.from(document.querySelectorAll("[data-print-document] table"))
        .filter((table) => (table as HTMLElement).offsetParent !== null)
        .map((table) => table.querySelectorAll("thead th").length),
    ),
  );
  expect(widestPrintedTable).toBeLessThanOrEqual(8);

  // Short values (ids, numbers, times) never wrap: each is one line in print.
  const broken = await page.evaluate(() => {
    const cells = Array.from(
      document.querySelectorAll("[data-print-document] td .whitespace-nowrap, [data-print-document] td time"),
    );
    return cells
      .filter((cell) => (cell as HTMLElement).offsetParent !== null)
      .filter((cell) => getComputedStyle(cell).whiteSpace !== "nowrap" || cell.getClientRects().length > 1)
      .map((cell) => cell.textContent)
      .slice(0, 5);
  });
  expect(broken).toEqual([]);
  // Nothing is cut off at the page's right edge.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.screenshot({ path: "test-results/screenshots/compliance-viewer-print-a4-landscape.png", fullPage: true });
  const pdfPath = "test-results/screenshots/compliance-viewer-a4-landscape.pdf";
  await page.pdf({ path: pdfPath, format: "A4", landscape: true, printBackground: true });
  // Where poppler is installed, read the PDF back: the margins are on its pages.
  if (fs.existsSync("/usr/bin/pdftotext")) {
    const text = execFileSync("/usr/bin/pdftotext", ["-layout", pdfPath, "-"]).toString();
    expect(text).toContain(report.id);
    expect(text).toContain(report.artifacts!.json!.sha256);
    expect(text).toMatch(/Page 2 of \d+/);
  }
});
