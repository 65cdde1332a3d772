// The report viewer: a completed report's stored JSON rendered for people —
// header with the artifacts' SHA-256, the population manifest, section tables
// paged in the browser, and recharts charts drawn from the section summaries.
import { createReport, reportRow, waitForCompleted } from "./support/compliance-reports";
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

// Every viewer test runs with the browser far from UTC: a report covers whole UTC days, and
// a time shown in the browser's zone would name another hour (or another day) than its files.
const browserTimeZone = "America/Los_Angeles";
test.use({ timezoneId: browserTimeZone });

/** "2026-09-01 00:04 UTC", written independently of the app's formatter. */
function utcText(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

function daysAgo(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days))
    .toISOString()
    .slice(0, 10);
}

test("the viewer shows a SOC2 report's header, manifest, sections and charts", async ({
  page,
  org,
  signInAs,
  database,
}) => {
  test.setTimeout(120_000);
  // More sign-ins than one page of the events table holds.
  await database.insertSignIns(org.id, 60);
  await signInAs(org.admin);
  await openOverview(page);
  const created = await createReport(page.request, "soc2", { dateRange: { from: daysAgo(29), to: daysAgo(0) } });
  const report = await waitForCompleted(page.request, created.id);
  const document = (await (
    await page.request.get(`/api/engine/compliance/reports/${report.id}/download?format=json`)
  ).json()) as {
    manifest: { source: string; rowCount: number }[];
    sections: Record<string, { title: string }>;
  };

  await page.goto("/dashboard/compliance?tab=reports");
  await reportRow(page, report.id).getByRole("link", { name: report.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/compliance/reports/${report.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: report.title })).toBeVisible();
  await expect(page.getByText(report.artifacts!.json!.sha256)).toBeVisible();
  await expect(page.getByText(report.artifacts!.csv!.sha256)).toBeVisible();
  await expect(page.getByText(`${daysAgo(29)} – ${daysAgo(0)}`)).toBeVisible();

  // The signature: which key signed it, and the statement to check the files against.
  await expect(page.getByText(report.statement!.kid)).toBeVisible();
  const statementLink = page.getByRole("link", { name: "Download statement" });
  await expect(statementLink).toHaveAttribute("href", `/api/engine/compliance/reports/${report.id}/statement`);
  const statement = await page.request.get(`/api/engine/compliance/reports/${report.id}/statement`);
  expect(statement.headers()["content-type"]).toBe("application/jose");
  expect((await statement.text()).split(".")).toHaveLength(3);

  const manifest = page.getByRole("table", { name: "Population manifest" });
  await expect(manifest.locator("tbody").getByRole("row")).toHaveCount(document.manifest.length);
  for (const entry of document.manifest) {
    await expect(manifest.getByRole("row").filter({ hasText: entry.source }).first()).toContainText(
      entry.rowCount.toLocaleString("en-US"),
    );
  }
  for (const section of Object.values(document.sections)) {
    await expect(page.getByRole("heading", { level: 2, name: section.title })).toBeVisible();
  }

  // Labels read as words, and a single row is "1 row".
  await expect(page.getByText("Secrets not rotated 90 days", { exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Changes by agent (1 row)" })).toBeVisible();

  // Paging from under a long table brings the table's top back into view.
  const next = page.getByRole("button", { name: "Next page of Events" }).first();
  await next.scrollIntoViewIfNeeded();
  const eventsTable = page.getByRole("table", { name: /^Events \(/ }).first();
  await expect(eventsTable.locator("caption")).not.toBeInViewport();
  await next.click();
  await expect(page.getByText(/^Rows 51–/).first()).toBeAttached();
  await expect(eventsTable.locator("caption")).toBeInViewport();

  // Charts are SVG surfaces drawn by recharts inside titled figures.
  for (const title of ["Logins vs failures", "DLP violations by severity", "DLP violations by rule"]) {
    const figure = page.getByRole("figure", { name: title });
    await expect(figure).toBeVisible();
    // The chart's own surface (legend icons are small surfaces too).
    await expect(figure.locator(".recharts-wrapper > svg.recharts-surface")).toHaveCount(1);
    await expect(figure.locator(".recharts-bar-rectangle").first()).toBeVisible();
  }
});

test("the viewer charts the personal data a GDPR export found", async ({ page, org, signInAs }) => {
  test.setTimeout(120_000);
  // The fixture's agent whose mail carries personal data.
  const agent = org.agents["Recruiting Coordinator"];
  await signInAs(org.auditor);
  await openOverview(page);
  // The auditor cannot generate; an admin's API call does it.
  const adminContext = await page.context().browser()!.newContext();
  const adminPage = await adminContext.newPage();
  await signInAs(org.admin, { context: adminContext });
  await openOverview(adminPage);
  const created = await createReport(adminContext.request, "gdpr", { agentId: agent.id });
  await waitForCompleted(adminContext.request, created.id);
  await adminContext.close();

  await page.goto(`/dashboard/compliance/reports/${created.id}`);
  await expect(page.getByRole("heading", { level: 1, name: created.title })).toBeVisible();
  await expect(page.getByRole("table", { name: "Population manifest" })).toBeVisible();
  const figure = page.getByRole("figure", { name: "Personal data detected, by category" });
  await expect(figure.locator(".recharts-wrapper > svg.recharts-surface")).toHaveCount(1);
  await expect(figure.locator(".recharts-bar-rectangle").first()).toBeVisible();
});

test("a missing report (or another org's) shows not found at once, asking the server once", async ({
  page,
  org,
  signInAs,
}) => {
  let asked = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/engine/compliance/reports/no-such-report") asked++;
  });
  await signInAs(org.admin);
  const answered = page.waitForResponse(
    (response) => new URL(response.url()).pathname === "/api/engine/compliance/reports/no-such-report",
  );
  await page.goto("/dashboard/compliance/reports/no-such-report");
  expect((await answered).status()).toBe(404);
  // A 404 is the server's answer, not a glitch: shown as soon as it arrives, before
  // any retry could (the first would wait a second). Timed from the answer, not
  // from the page load, which a busy machine can make slow.
  await expect(page.getByRole("alert").filter({ hasText: "Report not found" })).toBeVisible({ timeout: 900 });
  await page.waitForTimeout(1500);
  expect(asked).toBe(1);
  await expect(page.getByRole("link", { name: "Back to reports", exact: true })).toBeVisible();
});

test("times in the list and the viewer are UTC and labelled, whatever the browser's time zone", async ({
  page,
  org,
  signInAs,
}) => {
  test.setTimeout(120_000);
  await signInAs(org.admin);
  await openOverview(page);
  // The browser really is in Los Angeles: a local rendering would differ by 7 or 8 hours.
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(browserTimeZone);
  const created = await createReport(page.request, "audit", { dateRange: { from: daysAgo(29), to: daysAgo(0) } });
  const report = await waitForCompleted(page.request, created.id);
  const json = (await (
    await page.request.get(`/api/engine/compliance/reports/${report.id}/download?format=json`)
  ).json()) as {
    manifest: { source: string; first: { at: string } | null; last: { at: string } | null }[];
    sections: { events: { tables: { events: { occurred_at: string }[] } } };
  };
  const createdAt = (
    (await (await page.request.get(`/api/engine/compliance/reports/${report.id}`)).json()) as {
      createdAt: string;
    }
  ).createdAt;

  await page.goto("/dashboard/compliance?tab=reports");
  await expect(reportRow(page, report.id)).toContainText(utcText(createdAt));

  await page.goto(`/dashboard/compliance/reports/${report.id}`);
  const requested = page.locator('dl div:has(> dt:text-is("Requested")) > dd');
  await expect(requested).toHaveText(utcText(createdAt));

  const manifest = page.getByRole("table", { name: "Population manifest" });
  const entry = json.manifest.find((candidate) => candidate.first && candidate.last)!;
  const row = manifest.getByRole("row").filter({ hasText: entry.source }).first();
  await expect(row).toContainText(utcText(entry.first!.at));
  await expect(row).toContainText(utcText(entry.last!.at));

  // The first event of the population, in the events table.
  const firstEvent = json.sections.events.tables.events[0]!;
  const events = page.getByRole("table", { name: /^Events/ }).last();
  await expect(events.locator("tbody tr").first()).toContainText(utcText(firstEvent.occurred_at));
  // No cell shows a time without its zone.
  const times = await page.locator("main time").allTextContents();
  expect(times.length).toBeGreaterThan(3);
  for (const text of times) expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
});
