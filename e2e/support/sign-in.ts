// Signs in through the real login form, the way a person does.
import { expect, type Page } from "@playwright/test";
import { demoPassword } from "./demo-users";

export async function signIn(page: Page, email: string, options: { password?: string; path?: string } = {}) {
  await page.goto(options.path ?? "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(options.password ?? demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAndWait(page: Page, email: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
}
