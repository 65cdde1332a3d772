// Screenshots of the main pages at a desktop and a narrow laptop width, for people to look at
// (test-results/screenshots/). The assertions check the layout does not overflow sideways.
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

const viewports = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "narrow", width: 800, height: 900 },
] as const;

const pages = [
  { name: "dashboard", path: "/dashboard", heading: "Overview" },
  { name: "agents", path: "/dashboard/agents", heading: "Agents" },
  { name: "api-keys", path: "/dashboard/settings/api-keys", heading: "API keys" },
] as const;

for (const viewport of viewports) {
  test(`screenshots at ${viewport.name} width (${viewport.width}px)`, async ({ page, org, signInAs }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signInAs(org.admin);
    await openOverview(page);
    for (const target of pages) {
      await page.goto(target.path);
      await expect(page.getByRole("heading", { level: 1, name: target.heading })).toBeVisible();
      await expect(page.getByRole("button", { name: `Organization: ${org.name}` })).toBeVisible();
      // Nothing but wide tables (which scroll inside their card) may push the page sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/screenshots/${target.name}-${viewport.name}.png`, fullPage: true });
    }
  });
}

test("screenshots of the login page, the org switcher and the new-key dialog", async ({ page, org, signInAs }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/login");
  await page.getByLabel("Email").fill(org.admin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Invalid email or password")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/login-error.png" });

  await signInAs(org.admin);
  await openOverview(page);
  await page.getByRole("button", { name: `Organization: ${org.name}` }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/org-switcher-open.png" });
  await page.keyboard.press("Escape");

  await page.goto("/dashboard/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill("Screenshot exporter");
  await page.screenshot({ path: "test-results/screenshots/api-key-create-dialog.png" });
  await page.getByRole("dialog").getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("dialog", { name: "API key created" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/api-key-created-dialog.png" });
  await page.getByRole("button", { name: "Done" }).click();
  // The key was not copied: the dialog asks before it lets the key go.
  const confirmClose = page.getByRole("alertdialog", { name: "Close without copying the key?" });
  await expect(confirmClose).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/api-key-close-without-copying.png" });
  await confirmClose.getByRole("button", { name: "Close without copying" }).click();
  await page.getByRole("button", { name: "Revoke Screenshot exporter" }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/api-key-revoke-confirm.png" });
});
