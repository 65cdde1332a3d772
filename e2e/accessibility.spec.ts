// axe-core's WCAG 2.1 A/AA rules on the pages and dialogs of the dashboard frame.
import { expectNoViolations } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

test("the login page has no accessibility violations, with or without an error shown", async ({ page, org }) => {
  test.slow();
  await page.goto("/login");
  await expectNoViolations(page, "login");
  await page.getByLabel("Email").fill(org.member.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Invalid email or password")).toBeVisible();
  await expectNoViolations(page, "login with error");
});

// axe takes a few seconds per page on a busy machine.
test.describe(() => {
  test.slow();

  test("the overview and the org switcher menu have no accessibility violations", async ({ page, org, signInAs }) => {
    await signInAs(org.admin);
    await openOverview(page);
    await expectNoViolations(page, "overview");
    await page.getByRole("button", { name: `Organization: ${org.name}` }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectNoViolations(page, "org switcher open");
  });

  test("the agents page has no accessibility violations", async ({ page, org, signInAs }) => {
    await signInAs(org.admin);
    await openOverview(page);
    await page.goto("/dashboard/agents");
    await expect(page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();
    await expectNoViolations(page, "agents");
    // Narrow: the table scrolls sideways inside its card, so its scroll box must be reachable by keyboard.
    await page.setViewportSize({ width: 800, height: 900 });
    await expectNoViolations(page, "agents, narrow");
  });

  test("the API keys page and its create dialog have no accessibility violations", async ({ page, org, signInAs }) => {
    await signInAs(org.admin);
    await openOverview(page);
    await page.goto("/dashboard/settings/api-keys");
    await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
    await expectNoViolations(page, "api keys");
    await page.getByRole("button", { name: "Create API key" }).click();
    await expect(page.getByRole("dialog", { name: "Create API key" })).toBeVisible();
    await expectNoViolations(page, "create key dialog");
  });
});

test("the 403 page has no accessibility violations", async ({ page, org, signInAs }) => {
  test.slow();
  await signInAs(org.member);
  await openOverview(page);
  await page.goto("/dashboard/settings/api-keys");
  await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
  await expectNoViolations(page, "403");
});
