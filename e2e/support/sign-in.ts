// Signing in through the real login form, the way a person does (the sign-in
// spec), and opening the dashboard once a fixture's cookie has signed a user in.
import { expect, type Page } from "@playwright/test";
import { e2ePassword } from "./e2e-org";

export async function signIn(page: Page, email: string, options: { password?: string; path?: string } = {}) {
  await page.goto(options.path ?? "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(options.password ?? e2ePassword);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAndWait(page: Page, email: string) {
  await signIn(page, email);
  await expectOverview(page);
}

/** Opens the overview with the session already in the browser (fixtures' signInAs) and waits for it. */
export async function openOverview(page: Page) {
  await page.goto("/dashboard");
  await expectOverview(page);
}

async function expectOverview(page: Page) {
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
}
