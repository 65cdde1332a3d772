// Signing in through the real form as each role, a wrong password, the way back
// after sign-in, and signing out. The users are the test's own org's (fixtures).
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { signIn, signInAndWait } from "./support/sign-in";

const nav = (page: Page) => page.getByRole("navigation", { name: "Dashboard" });

/** The all-time number shown under an overview label (<dt>label</dt><dd>number</dd>). */
const overviewCount = (page: Page, label: string) =>
  page
    .getByRole("region", { name: "All time" })
    .locator("dl > div")
    .filter({ has: page.getByRole("term").getByText(label, { exact: true }) })
    .getByRole("definition")
    .first();

for (const role of ["admin", "member"] as const) {
  test(`${role} signs in and lands on the overview of their org`, async ({ page, org }) => {
    const user = org[role];
    await signInAndWait(page, user.email);
    await expect(page.getByRole("button", { name: `Organization: ${org.name}` })).toBeVisible();
    await expect(page.getByText(`Your role: ${user.role}`)).toBeAttached();
    await expect(nav(page).getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await expectNavFor(page, role);
    // The overview counts come from the fixture org's month of activity, so none of them is zero.
    for (const label of ["Agents", "Emails", "Audit events", "DLP violations"]) {
      await expect(overviewCount(page, label)).toHaveText(/^[1-9][\d,]*$/);
    }
  });
}

test("an auditor signs in and lands on the Reports list, worded for reading", async ({ page, org }) => {
  await signIn(page, org.auditor.email);
  await expect(page).toHaveURL(/\/dashboard\/compliance\?tab=reports$/);
  await expect(page.getByRole("tab", { name: "Reports" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tab", { name: "Generate" })).toHaveCount(0);
  await expect(page.getByText(/Read, verify and download/)).toBeVisible();
  await expect(page.getByText(`Your role: auditor`)).toBeAttached();
  await expect(nav(page).getByRole("link", { name: "Compliance" })).toHaveAttribute("aria-current", "page");
  await expectNavFor(page, "auditor");
  // The overview stays one click away.
  await nav(page).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
});

/** Each role sees only the sections it can use: no link leads to a 403. */
async function expectNavFor(page: Page, role: "admin" | "auditor" | "member") {
  const visible: Record<string, boolean> = {
    Overview: true,
    // Members see neither the reports nor the agents' boundaries (lib/agents/view-agents-permission.ts).
    Compliance: role !== "member",
    Agents: role !== "member",
    // Auditors read the members; only admins change them (lib/users).
    Users: role !== "member",
    Settings: role === "admin",
  };
  await expect(nav(page).getByRole("link")).toHaveCount(Object.values(visible).filter(Boolean).length);
  for (const [name, isVisible] of Object.entries(visible)) {
    const link = nav(page).getByRole("link", { name });
    if (isVisible) await expect(link).toBeVisible();
    else await expect(link).toHaveCount(0);
  }
}

test("the overview's agent count matches the agents list", async ({ page, org }) => {
  await signInAndWait(page, org.admin.email);
  const count = Number((await overviewCount(page, "Agents").innerText()).replace(/,/g, ""));
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Agents" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Agents/ }).locator("tbody tr")).toHaveCount(count);
});

test("a wrong password shows an error and keeps the user on the login page", async ({ page, org }) => {
  await signIn(page, org.auditor.email, { password: "not-the-password" });
  // (Next's route announcer is also role="alert", hence the filter.)
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Invalid email or password");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("Password")).toBeVisible();
});

test("a signed-out visitor is sent to login and comes back to the page they asked for", async ({ page, org }) => {
  await page.goto("/dashboard/agents");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard%2Fagents$/);
  await page.getByLabel("Email").fill(org.auditor.email);
  await page.getByLabel("Password").fill(org.auditor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard\/agents$/);
  await expect(page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();
});

test("/ goes to the landing page, which asks a signed-out visitor to sign in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard%2Flanding$/);
});

test("signing out returns to the login page and ends the session", async ({ page, org }) => {
  await signInAndWait(page, org.member.email);
  await page.getByRole("button", { name: `Account menu for ${org.member.email}` }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard$/);
});
