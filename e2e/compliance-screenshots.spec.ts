// Screenshots of the Compliance tabs and the report viewer at a desktop and a
// narrow laptop size (test-results/screenshots/), for people to look at. The
// assertions check that nothing pushes the page sideways.
import type { Page } from "@playwright/test";
import { createReport, reportRow, waitForCompleted } from "./support/compliance-reports";
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

const viewports = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "narrow", width: 900, height: 700 },
] as const;

function daysAgo(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days))
    .toISOString()
    .slice(0, 10);
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const viewport of viewports) {
  test(`compliance screenshots at ${viewport.name} size (${viewport.width}×${viewport.height})`, async ({
    page,
    org,
    signInAs,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signInAs(org.admin);
    await openOverview(page);
    const created = await createReport(page.request, "soc2", { dateRange: { from: daysAgo(29), to: daysAgo(0) } });
    const report = await waitForCompleted(page.request, created.id);

    await page.goto("/dashboard/compliance");
    await expect(page.getByLabel("Report Type")).toBeVisible();
    await expect(page.getByRole("checkbox").first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.screenshot({
      path: `test-results/screenshots/compliance-generate-${viewport.name}.png`,
      fullPage: true,
    });

    await page.getByRole("tab", { name: "Reports" }).click();
    await expect(page.getByRole("table", { name: "Reports" })).toContainText(report.title);
    await expectNoSidewaysScroll(page);
    // A completed report's actions stay on one line: the row does not grow when it completes.
    const row = reportRow(page, report.id);
    const actionTops = await Promise.all(
      [
        row.getByRole("link", { name: /Download JSON/ }),
        row.getByRole("link", { name: /Download CSV/ }),
        row.getByRole("button", { name: /Delete/ }),
      ].map(async (action) => (await action.boundingBox())!.y),
    );
    expect(new Set(actionTops).size).toBe(1);
    await page.screenshot({ path: `test-results/screenshots/compliance-reports-${viewport.name}.png`, fullPage: true });

    await page.goto(`/dashboard/compliance/reports/${report.id}`);
    // A 30-day SOC2 JSON is a few MB: give the browser time to fetch and parse it.
    await expect(page.getByRole("table", { name: "Population manifest" })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("figure", { name: "Daily activity" }).locator(".recharts-line").first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: `test-results/screenshots/compliance-viewer-${viewport.name}.png`, fullPage: true });
    // The full page is very tall; these show its parts at readable size.
    await page.screenshot({ path: `test-results/screenshots/compliance-viewer-top-${viewport.name}.png` });
    // Element shots scroll the page: unstick the app header so it does not cover them (screenshots only).
    // Through the CSSOM: an added <style> element would break the Content-Security-Policy.
    await page.locator("header.sticky").evaluateAll((headers) => {
      for (const header of headers) (header as HTMLElement).style.setProperty("position", "static", "important");
    });
    await page
      .getByRole("region", { name: "Charts" })
      .screenshot({ path: `test-results/screenshots/compliance-viewer-charts-${viewport.name}.png` });
    await page
      .getByRole("region", { name: "DLP rule configurations and violations" })
      .screenshot({ path: `test-results/screenshots/compliance-viewer-section-${viewport.name}.png` });

    // The printed document: no app frame or buttons.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Dashboard" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toBeHidden();
    await page.screenshot({
      path: `test-results/screenshots/compliance-viewer-print-${viewport.name}.png`,
      fullPage: true,
    });
    if (viewport.name === "desktop") await page.pdf({ path: "test-results/screenshots/compliance-viewer.pdf" });
  });
}
