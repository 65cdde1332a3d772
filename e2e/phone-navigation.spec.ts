// On a phone (390 px) the dashboard's links are behind a Menu button, in a
// dialog a keyboard and a screen reader can use, instead of a row of links
// that scrolls off-screen. Wide windows keep the side navigation.
import { expectNoViolations } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

test.describe.configure({ timeout: 60_000 });

test("on a phone the navigation is a menu: by keyboard, links named, the current page marked, closed by Escape or a link", async ({
  page,
  org,
  signInAs,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(org.admin);
  await openOverview(page);

  // No row of links: the navigation is not on the page until the menu opens.
  await expect(page.getByRole("navigation", { name: "Dashboard" })).toHaveCount(0);
  const menuButton = page.getByRole("button", { name: "Menu", exact: true });
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");

  await menuButton.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("dialog", { name: "Menu" });
  await expect(menu).toBeVisible();
  // Behind a modal dialog the page is hidden from screen readers, the button included.
  await expect(page.getByRole("button", { name: "Menu", exact: true, includeHidden: true })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  // Focus moved into the menu and stays there (a modal dialog).
  await expect.poll(() => menu.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  const links = menu.getByRole("navigation", { name: "Dashboard" }).getByRole("link");
  await expect(links).toHaveText(["Overview", "Compliance", "Agents", "Users", "Settings"]);
  await expect(links.filter({ hasText: "Overview" })).toHaveAttribute("aria-current", "page");
  for (const link of await links.all()) {
    const box = await link.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  }
  await expectNoViolations(page, "phone menu open");
  await page.screenshot({ path: "test-results/screenshots/phone-menu-open-390.png" });

  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();

  // Tab to a link and follow it with Enter: the menu closes and the page opens.
  await page.keyboard.press("Enter");
  await expect(menu).toBeVisible();
  const agents = links.filter({ hasText: "Agents" });
  for (
    let presses = 0;
    presses < 10 && !(await agents.evaluate((link) => link === document.activeElement));
    presses++
  ) {
    await page.keyboard.press("Tab");
  }
  await expect(agents).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();
  await expect(menu).toBeHidden();

  await menuButton.click();
  await expect(links.filter({ hasText: "Agents" })).toHaveAttribute("aria-current", "page");
  await menu.getByRole("button", { name: "Close menu" }).click();
  await expect(menu).toBeHidden();

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoViolations(page, "agents at 390 px, menu closed");
});

test("an auditor's phone menu leaves out what leads to a 403; a wide window has no Menu button", async ({
  page,
  org,
  signInAs,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(org.auditor);
  await page.goto("/dashboard/compliance");
  await page.getByRole("button", { name: "Menu", exact: true }).click();
  const links = page
    .getByRole("dialog", { name: "Menu" })
    .getByRole("navigation", { name: "Dashboard" })
    .getByRole("link");
  await expect(links).toHaveText(["Overview", "Compliance", "Agents", "Users"]);
  await expect(links.filter({ hasText: "Compliance" })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Escape");

  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByRole("button", { name: "Menu", exact: true })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Dashboard" }).getByRole("link")).toHaveText([
    "Overview",
    "Compliance",
    "Agents",
    "Users",
  ]);
});
