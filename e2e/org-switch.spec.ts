// A user in two orgs (the fixture org's admin, made an auditor of a second org,
// Globex) switches between them, from the header or from a link to a report of
// the other org; a report of an org they do not read reports in stays not found.
import type { Page } from "@playwright/test";
import { expectNoViolations } from "./support/accessibility";
import { expect, test, type E2eOrg } from "./support/fixtures";
import type { DatabaseOperations } from "./support/database/database-operations";
import { openOverview } from "./support/sign-in";

test("switching organization changes the org, the role and the data shown", async ({
  page,
  org,
  createOrg,
  addMembership,
  signInAs,
}) => {
  const globex = await createOrg({ name: "Globex" });
  await addMembership(org.admin, globex, "auditor");
  await signInAs(org.admin);
  await openOverview(page);
  await expect(page.getByText("Your role: admin")).toBeAttached();

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Agents" }).click();
  const agentsTable = page.getByRole("table", { name: /Agents/ });
  await expect(agentsTable).toContainText("@acme.test");

  await page.getByRole("button", { name: "Organization: Acme Robotics" }).click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitemradio", { name: /Acme Robotics/ })).toHaveAttribute("aria-checked", "true");
  await menu.getByRole("menuitemradio", { name: /Globex/ }).click();

  await expect(page.getByRole("button", { name: "Organization: Globex" })).toBeVisible();
  await expect(page.getByText("Your role: auditor")).toBeAttached();
  await expect(agentsTable).toContainText("@globex.test");
  await expect(agentsTable).not.toContainText("@acme.test");

  // As a Globex auditor the API key settings are off limits: no link, and 403 when typed.
  await expect(page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" })).toHaveCount(
    0,
  );
  await page.goto("/dashboard/settings/api-keys");
  await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();

  // The choice is kept in the session: a full reload stays in Globex.
  await page.reload();
  await expect(page.getByRole("button", { name: "Organization: Globex" })).toBeVisible();

  await page.getByRole("button", { name: "Organization: Globex" }).click();
  await page
    .getByRole("menu")
    .getByRole("menuitemradio", { name: /Acme Robotics/ })
    .click();
  await expect(page.getByRole("button", { name: "Organization: Acme Robotics" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
});

test("a user with one organization sees only that organization in the switcher", async ({
  page,
  createOrg,
  signInAs,
}) => {
  const globex = await createOrg({ name: "Globex" });
  await signInAs(globex.admin);
  await openOverview(page);
  await page.getByRole("button", { name: "Organization: Globex" }).click();
  await expect(page.getByRole("menu").getByRole("menuitemradio")).toHaveCount(1);
});

/** A failed report in `org` (its page shows its title and state without stored files). */
function insertReport(database: DatabaseOperations, org: E2eOrg, title: string): Promise<string> {
  return database.insertFailedReport({
    orgId: org.id,
    type: "audit",
    title,
    scope: { dateRange: { from: "2026-08-01", to: "2026-08-31" }, agentIds: [] },
    errorCode: "generation_failed",
    createdByLabel: org.admin.email,
  });
}

test("a link to a report in another of the user's orgs offers to switch there, and switching opens it", async ({
  page,
  org,
  createOrg,
  addMembership,
  signInAs,
  database,
}) => {
  test.slow();
  const globex = await createOrg({ name: "Globex" });
  await addMembership(org.admin, globex, "auditor");
  const title = `Globex August audit ${Date.now()}`;
  const reportId = await insertReport(database, globex, title);
  await signInAs(org.admin);

  await page.goto(`/dashboard/compliance/reports/${reportId}`);
  await expect(page.getByRole("heading", { level: 1, name: "This report is in Globex — switch?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Organization: Acme Robotics" })).toBeVisible();
  // Nothing of the report is shown before the switch.
  await expect(page.getByText(title)).toHaveCount(0);
  await expectNoViolations(page, "switch organization for a report");
  await page.screenshot({ path: "test-results/screenshots/report-in-other-org-1440.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screenshots/report-in-other-org-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("button", { name: "Switch to Globex" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/dashboard/compliance/reports/${reportId}$`));
  await expect(page.getByRole("button", { name: "Organization: Globex" })).toBeVisible();
  await expect(page.getByText("Your role: auditor")).toBeAttached();

  // "Stay" keeps the current org: back in Acme, the Globex link offers the switch again, and Stay leads to Acme's reports.
  await page.getByRole("button", { name: "Organization: Globex" }).click();
  await page
    .getByRole("menu")
    .getByRole("menuitemradio", { name: /Acme Robotics/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "This report is in Globex — switch?" })).toBeVisible();
  await page.getByRole("link", { name: "Stay in Acme Robotics" }).click();
  await expect(page.getByRole("tab", { name: "Reports" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("button", { name: "Organization: Acme Robotics" })).toBeVisible();
});

/** What the report page shows: its main content's text, and how the API answers for it. */
async function reportPageAsSeen(page: Page, reportId: string) {
  const response = await page.goto(`/dashboard/compliance/reports/${reportId}`);
  await expect(page.getByRole("alert").filter({ hasText: "Report not found" })).toBeVisible();
  const api = await page.request.get(`/api/engine/compliance/reports/${reportId}`);
  return {
    status: response?.status(),
    text: await page.locator("main").innerText(),
    api: { status: api.status(), body: await api.json() },
  };
}

test("a report in an org the user does not read reports in looks exactly like one that does not exist", async ({
  page,
  org,
  createOrg,
  addMembership,
  signInAs,
  database,
}) => {
  test.slow();
  // A second org where the user reads reports, so the page does look for the report elsewhere.
  const globex = await createOrg({ name: "Globex" });
  await addMembership(org.admin, globex, "auditor");
  const initech = await createOrg({ name: "Initech" });
  const umbrella = await createOrg({ name: "Umbrella" });
  await addMembership(org.admin, umbrella, "member");
  const notAMember = await insertReport(database, initech, "Initech secret audit");
  const plainMember = await insertReport(database, umbrella, "Umbrella secret audit");
  await signInAs(org.admin);

  const missing = await reportPageAsSeen(page, "no-such-report");
  expect(missing.api.status).toBe(404);
  for (const [reportId, orgName] of [
    [notAMember, "Initech"],
    [plainMember, "Umbrella"],
  ] as const) {
    const seen = await reportPageAsSeen(page, reportId);
    expect(seen, orgName).toEqual(missing);
    expect(seen.text, orgName).not.toContain(orgName);
    await expect(page.getByRole("button", { name: /^Switch to/ })).toHaveCount(0);
  }
});
