// The Compliance page as an admin uses it: generate each report type and watch it
// finish without reloading, download both files, the form's own checks, a failed
// report's Regenerate, deleting, and the tabs' keyboard and URL behaviour.
import type { Page } from "@playwright/test";
import Papa from "papaparse";
import {
  downloadText,
  isSameDocument,
  markDocument,
  recordReportStatuses,
  reportRow,
  reportsApi,
  statusHistory,
  type ReportJson,
} from "./support/compliance-reports";
import { expect, test, type E2eUser } from "./support/fixtures";

type SignInAs = (user: E2eUser) => Promise<void>;

async function openCompliance(page: Page, signInAs: SignInAs, user: E2eUser) {
  await signInAs(user);
  await page.goto("/dashboard/compliance");
  await expect(page.getByRole("heading", { level: 1, name: "Compliance Reporting" })).toBeVisible();
}

/** Counts POSTs that would create a report, to prove the form sent none. */
function countCreateRequests(page: Page): () => number {
  let count = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname.startsWith(`${reportsApi}/`)) count++;
  });
  return () => count;
}

function utcDay(offset: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset))
    .toISOString()
    .slice(0, 10);
}

type JsonDocument = {
  report: { id: string; type: string; scope: { dateRange?: { from: string; to: string }; agentIds: string[] } };
  manifest: { source: string; rowCount: number }[];
  sections: Record<string, { title: string; tables: Record<string, unknown[]> }>;
};

type Agent = { id: string; name: string };

const cases = [
  {
    type: "soc2",
    label: "SOC2 Summary",
    agent: "Sales Outreach",
    configure: async (page: Page, agent: Agent | null) => {
      const agents = page.getByRole("group", { name: "Agents (optional)" });
      await agents.getByRole("checkbox", { name: new RegExp(`^${agent!.name} `) }).check();
    },
  },
  {
    type: "gdpr",
    label: "GDPR Export",
    agent: "Recruiting Coordinator",
    configure: async (page: Page, agent: Agent | null) => {
      await page.getByLabel("Agent (required)").selectOption(agent!.id);
    },
  },
  {
    type: "audit",
    label: "Audit Summary",
    agent: null,
    // The form keeps the previous agent when the type changes; this report covers all agents.
    configure: async (page: Page) => {
      await page.getByLabel("Agent (optional)").selectOption({ label: "All agents" });
    },
  },
] as const;

test("an admin generates each report type, sees it go from pending to completed without a reload, and downloads JSON and CSV", async ({
  page,
  org,
  signInAs,
}) => {
  test.setTimeout(240_000);
  await recordReportStatuses(page);
  await openCompliance(page, signInAs, org.admin);
  const mark = await markDocument(page);

  for (const kind of cases) {
    await page.getByRole("tab", { name: "Generate" }).click();
    await page.getByLabel("Report Type").selectOption({ label: kind.label });
    if (kind.type === "gdpr") {
      await expect(page.getByLabel("From", { exact: true })).toHaveCount(0);
    } else {
      // Defaults: the last 30 days, today included.
      await expect(page.getByLabel("From", { exact: true })).toHaveValue(utcDay(-29));
      await expect(page.getByLabel("To", { exact: true })).toHaveValue(utcDay(0));
    }
    const agent = kind.agent ? org.agents[kind.agent] : null;
    await kind.configure(page, agent);

    const responsePromise = page.waitForResponse(
      (response) => response.request().method() === "POST" && response.url().endsWith(`${reportsApi}/${kind.type}`),
    );
    await page.getByRole("button", { name: "Generate Report" }).click();
    const response = await responsePromise;
    expect(response.status()).toBe(202);
    const created = (await response.json()) as ReportJson;
    expect(created.status).toBe("pending");

    // Switched to Reports, the URL says so, and the new row is highlighted.
    await expect(page.getByRole("tab", { name: "Reports" })).toHaveAttribute("aria-selected", "true");
    await expect(page).toHaveURL(/[?&]tab=reports/);
    const row = reportRow(page, created.id);
    await expect(row).toHaveAttribute("data-highlighted", "true");
    await expect(row.getByRole("link", { name: /Download JSON/ })).toBeVisible({ timeout: 90_000 });
    await expect(row).toContainText("completed");
    expect(await statusHistory(page, created.id)).toEqual(["pending", "completed"]);
    expect(await isSameDocument(page, mark)).toBe(true);

    const json = await downloadText(page, row.getByRole("link", { name: /Download JSON/ }));
    expect(json.filename).toMatch(/\.json$/);
    const document = JSON.parse(json.text) as JsonDocument;
    expect(document.report.id).toBe(created.id);
    expect(document.report.type).toBe(kind.type);
    expect(document.report.scope.agentIds).toEqual(agent ? [agent.id] : []);
    if (kind.type === "gdpr") expect(document.report.scope.dateRange).toBeUndefined();
    else expect(document.report.scope.dateRange).toEqual({ from: utcDay(-29), to: utcDay(0) });
    expect(document.manifest.length).toBeGreaterThan(0);
    const sectionKeys = Object.keys(document.sections);
    expect(sectionKeys.length).toBeGreaterThan(0);

    const csv = await downloadText(page, row.getByRole("link", { name: /Download CSV/ }));
    expect(csv.filename).toMatch(/\.csv$/);
    const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields?.[0]).toBe("section");
    // Every row the JSON holds is in the CSV, section by section.
    for (const [key, section] of Object.entries(document.sections)) {
      const jsonRows = Object.values(section.tables).reduce((sum, rows) => sum + rows.length, 0);
      expect(
        parsed.data.filter((line) => line.section === key),
        `section ${key}`,
      ).toHaveLength(jsonRows);
    }
    expect(new Set(parsed.data.map((line) => line.section)).size).toBeLessThanOrEqual(sectionKeys.length);
  }

  // Nothing is pending any more, so the list stops polling.
  let listRequests = 0;
  page.on("request", (request) => {
    if (request.method() === "GET" && new URL(request.url()).pathname === reportsApi) listRequests++;
  });
  await page.waitForTimeout(5_000);
  expect(listRequests).toBe(0);
});

test("GDPR without an agent shows the inline error next to Agent and sends nothing", async ({
  page,
  org,
  signInAs,
}) => {
  await openCompliance(page, signInAs, org.admin);
  const creates = countCreateRequests(page);
  await page.getByLabel("Report Type").selectOption({ label: "GDPR Export" });
  await expect(page.getByText("GDPR exports require selecting a specific agent")).toBeVisible();
  await page.getByRole("button", { name: "Generate Report" }).click();
  const agent = page.getByLabel("Agent (required)");
  await expect(agent).toHaveAttribute("aria-invalid", "true");
  await expect(agent).toHaveAccessibleDescription(/Select an agent: a GDPR export covers exactly one agent\./);
  // Focus moves to the field to fix, so its message is read out with it.
  await expect(agent).toBeFocused();
  await page.waitForTimeout(500);
  expect(creates()).toBe(0);
  await expect(page.getByRole("tab", { name: "Generate" })).toHaveAttribute("aria-selected", "true");
});

test("From after To shows the inline error next to To and sends nothing", async ({ page, org, signInAs }) => {
  await openCompliance(page, signInAs, org.admin);
  const creates = countCreateRequests(page);
  await page.getByLabel("Report Type").selectOption({ label: "Audit Summary" });
  await page.getByLabel("From", { exact: true }).fill("2026-03-10");
  await page.getByLabel("To", { exact: true }).fill("2026-03-01");
  await page.getByRole("button", { name: "Generate Report" }).click();
  await expect(page.getByLabel("To", { exact: true })).toHaveAccessibleDescription("To must be on or after From.");
  await expect(page.getByLabel("To", { exact: true })).toBeFocused();
  await page.waitForTimeout(500);
  expect(creates()).toBe(0);
  // Fixing the field clears the message.
  await page.getByLabel("To", { exact: true }).fill("2026-03-31");
  await expect(page.getByText("To must be on or after From.")).toHaveCount(0);
});

test("a To after today (UTC) is refused next to To, sends nothing, and the API refuses it naming `to`", async ({
  page,
  org,
  signInAs,
}) => {
  await openCompliance(page, signInAs, org.admin);
  const creates = countCreateRequests(page);
  const to = page.getByLabel("To", { exact: true });
  // The picker itself offers no later day.
  await expect(to).toHaveAttribute("max", utcDay(0));
  await page.getByLabel("From", { exact: true }).fill(utcDay(-5));
  await to.fill(utcDay(3));
  await page.getByRole("button", { name: "Generate Report" }).click();
  await expect(to).toHaveAttribute("aria-invalid", "true");
  await expect(to).toHaveAccessibleDescription(`To cannot be after today (${utcDay(0)}, UTC).`);
  await page.waitForTimeout(500);
  expect(creates()).toBe(0);

  // A client that skips the form gets the same answer from the API, on the `to` field.
  const response = await page.request.post(`${reportsApi}/soc2`, {
    data: { dateRange: { from: utcDay(-5), to: utcDay(3) } },
  });
  expect(response.status()).toBe(400);
  const error = (await response.json()).error as { details: { fields: Record<string, string[]> } };
  expect(Object.keys(error.details.fields)).toEqual(["dateRange.to"]);
  expect(error.details.fields["dateRange.to"]![0]).toContain("after today");

  // Today is allowed: the report is cut at the moment generation starts.
  await to.fill(utcDay(0));
  await expect(page.getByText(/To cannot be after today/)).toHaveCount(0);
});

test("a field error from the server (an agent removed meanwhile) is shown next to Agent, not swallowed", async ({
  page,
  org,
  signInAs,
  database,
}) => {
  const agent = await database.insertAgent(org.id, `Temporary agent ${Date.now()}`);
  await openCompliance(page, signInAs, org.admin);
  await page.getByLabel("Report Type").selectOption({ label: "GDPR Export" });
  const select = page.getByLabel("Agent (required)");
  await select.selectOption(agent.id);
  await database.deleteAgent(agent.id);

  const responsePromise = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().endsWith(`${reportsApi}/gdpr`),
  );
  await page.getByRole("button", { name: "Generate Report" }).click();
  expect((await responsePromise).status()).toBe(400);
  await expect(select).toHaveAttribute("aria-invalid", "true");
  await expect(select).toHaveAccessibleDescription(new RegExp(`Unknown agent in this organization: ${agent.id}`));
  await expect(page.getByRole("tab", { name: "Generate" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("button", { name: "Generate Report" })).toBeEnabled();
});

test("a failed report shows its reason, and Regenerate opens Generate prefilled with its scope", async ({
  page,
  org,
  signInAs,
  database,
}) => {
  const agent = org.agents["Invoice Processor"];
  const title = `Audit Summary e2e failure ${Date.now()}`;
  // Readers see the public reason; the database's own text stays in the server log.
  const reason = "A data source could not be read";
  await database.insertFailedReport({
    orgId: org.id,
    type: "audit",
    title,
    scope: { dateRange: { from: "2026-01-01", to: "2026-02-15" }, agentIds: [agent.id] },
    errorCode: "source_failed",
    createdByLabel: org.admin.email,
  });

  await signInAs(org.admin);
  await page.goto("/dashboard/compliance?tab=reports");
  await expect(page.getByRole("tab", { name: "Reports" })).toHaveAttribute("aria-selected", "true");
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Failed" });
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("failed");
  await expect(row).toContainText(reason);
  await expect(row.getByRole("link", { name: /Download/ })).toHaveCount(0);

  await row.getByRole("button", { name: `Regenerate ${title}` }).click();
  await expect(page.getByRole("tab", { name: "Generate" })).toHaveAttribute("aria-selected", "true");
  await expect(page).not.toHaveURL(/tab=reports/);
  await expect(page.getByLabel("Report Type")).toHaveValue("audit");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("2026-01-01");
  await expect(page.getByLabel("To", { exact: true })).toHaveValue("2026-02-15");
  await expect(page.getByLabel("Agent (optional)")).toHaveValue(agent.id);
});

test("an admin deletes a report after confirming, and cancelling keeps it", async ({
  page,
  org,
  signInAs,
  database,
}) => {
  const title = `Report to delete ${Date.now()}`;
  await database.insertFailedReport({
    orgId: org.id,
    type: "soc2",
    title,
    scope: { dateRange: { from: "2026-01-01", to: "2026-01-31" }, agentIds: [] },
    errorCode: "source_failed",
    createdByLabel: org.admin.email,
  });
  await signInAs(org.admin);
  await page.goto("/dashboard/compliance?tab=reports");
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Failed" });
  const row = page.getByRole("row").filter({ hasText: title });
  await row.getByRole("button", { name: `Delete ${title}` }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete this report?" });
  await expect(dialog).toContainText(title);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toBeVisible();

  await row.getByRole("button", { name: `Delete ${title}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete report" }).click();
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(0);
});

test("the tabs work from the keyboard and the URL opens the right one", async ({ page, org, signInAs }) => {
  await openCompliance(page, signInAs, org.admin);
  const generate = page.getByRole("tab", { name: "Generate" });
  await expect(generate).toHaveAttribute("aria-selected", "true");
  await generate.focus();
  await page.keyboard.press("ArrowRight");
  const reports = page.getByRole("tab", { name: "Reports" });
  await expect(reports).toBeFocused();
  await expect(reports).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/\/dashboard\/compliance\?tab=reports$/);
  await expect(page.getByRole("tabpanel", { name: "Reports" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("tab", { name: "Reports" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Tab");
  await page.getByRole("tab", { name: "Reports" }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("tab", { name: "Generate" })).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/\/dashboard\/compliance$/);
  await expect(page.getByLabel("Report Type")).toBeVisible();
});
