// Unknown addresses answer 404 with a way back.
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

test("an unknown dashboard address answers 404 with a link back", async ({ page, org, signInAs }) => {
  await signInAs(org.auditor);
  await openOverview(page);
  const response = await page.goto("/dashboard/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
});
