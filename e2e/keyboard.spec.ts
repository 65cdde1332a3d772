// The dashboard works from the keyboard, with a visible focus ring, and renders without console errors.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

async function focusedOutline(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const style = element ? getComputedStyle(element) : null;
    return { text: element?.textContent?.trim() ?? "", outline: style?.outlineStyle, width: style?.outlineWidth };
  });
}

test("Tab reaches the skip link and the org switcher (with a visible focus ring), whose menu works from the keyboard", async ({
  page,
  org,
  signInAs,
}) => {
  await signInAs(org.admin);
  await openOverview(page);
  await page.goto("/dashboard"); // a fresh page load starts keyboard focus at the top
  const orgSwitcher = page.getByRole("button", { name: `Organization: ${org.name}` });
  // The switcher waits for the client session before it can be used (and focused).
  await expect(orgSwitcher).toBeEnabled();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeVisible();

  for (let i = 0; i < 5 && !(await orgSwitcher.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(orgSwitcher).toBeFocused();
  const ring = await focusedOutline(page);
  expect(ring.outline).not.toBe("none");
  expect(ring.width).not.toBe("0px");

  // Radix menu: Enter opens it, arrows move, Escape closes and gives focus back.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(
    page
      .getByRole("menuitemradio")
      .filter({ has: page.locator(":focus") })
      .or(page.locator("[role=menuitemradio]:focus")),
  ).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toBeHidden();
  await expect(orgSwitcher).toBeFocused();
});

test("dashboard pages render without console errors (e.g. hydration mismatches)", async ({ page, org, signInAs }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    // A failed request is reported below with its URL.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      errors.push(message.text());
  });
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await signInAs(org.admin);
  await openOverview(page);
  for (const [path, heading] of [
    ["/dashboard", "Overview"],
    ["/dashboard/agents", "Agents"],
    ["/dashboard/settings/api-keys", "API keys"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
  // Client-side navigation too.
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  expect(errors).toEqual([]);
});
