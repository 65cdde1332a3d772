// A user in two orgs (the fixture org's admin, made an auditor of a second org,
// Globex) switches between them.
import { expect, test } from "./support/fixtures";
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
