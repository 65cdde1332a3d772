// On a phone (390 px) the tables with actions — members, API keys, schedules —
// become one card per row: every value labelled with its column, every action
// on the screen, nothing to scroll sideways to. They stay tables to screen readers.
import type { Locator, Page } from "@playwright/test";
import { expectNoViolations } from "./support/accessibility";
import { expect, test } from "./support/fixtures";

const phone = { width: 390, height: 844 };

async function expectOnScreen(locator: Locator, label: string) {
  await expect(locator, label).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, label).not.toBeNull();
  expect(box!.x, label).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, label).toBeLessThanOrEqual(phone.width);
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // Nor inside a table's own scroll box.
  const scrolling = await page
    .getByRole("region")
    .evaluateAll((regions) =>
      regions.filter((region) => region.scrollWidth > region.clientWidth + 1).map((region) => region.ariaLabel),
    );
  expect(scrolling).toEqual([]);
}

test.describe.configure({ timeout: 120_000 });

test("members, API keys and schedules are cards on a phone, with their actions in view", async ({
  page,
  context,
  org,
  signInAs,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.setViewportSize(phone);
  await signInAs(org.admin);

  await page.goto("/dashboard/users");
  const members = page.getByRole("table", { name: "Members" });
  for (const user of [org.admin, org.auditor, org.member]) {
    const card = members.getByRole("row").filter({ hasText: user.email });
    await expectOnScreen(card.getByRole("cell").filter({ hasText: user.email }), `${user.email}: email`);
    await expectOnScreen(card.getByLabel(`Role of ${user.email}`), `${user.email}: role`);
    await expectOnScreen(card.getByRole("button", { name: `Remove ${user.email}` }), `${user.email}: remove`);
  }
  await expect(members.getByRole("columnheader", { name: "Member since" })).toBeAttached();
  await expectNoSidewaysScroll(page);
  await expectNoViolations(page, "members as cards at 390 px");
  await page.screenshot({ path: "test-results/screenshots/users-cards-390.png", fullPage: true });

  await page.goto("/dashboard/settings/api-keys");
  const name = `phone exporter ${Date.now()}`;
  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByRole("dialog", { name: "Create API key" }).getByLabel("Name").fill(name);
  await page.getByRole("dialog", { name: "Create API key" }).getByRole("button", { name: "Create key" }).click();
  const created = page.getByRole("dialog", { name: "API key created" });
  await created.getByRole("button", { name: "Copy key" }).click();
  await created.getByRole("button", { name: "Done" }).click();
  const keyCard = page.getByRole("table", { name: "API keys" }).getByRole("row").filter({ hasText: name });
  await expectOnScreen(keyCard.getByRole("cell").filter({ hasText: "reports:read" }), "key scopes");
  await expectOnScreen(keyCard.getByRole("button", { name: `Revoke ${name}` }), "revoke");
  await expectNoSidewaysScroll(page);
  await expectNoViolations(page, "API keys as cards at 390 px");
  await page.screenshot({ path: "test-results/screenshots/api-keys-cards-390.png", fullPage: true });

  await page.goto("/dashboard/compliance/schedules");
  await page.getByLabel("Report type").selectOption({ label: "SOC2 Summary" });
  await page.getByLabel("Cadence").selectOption("monthly");
  await page.getByRole("button", { name: "Create schedule" }).click();
  const scheduleCard = page.getByRole("table", { name: "Schedules" }).getByRole("row").filter({
    hasText: "Monthly SOC2 Summary",
  });
  await expectOnScreen(scheduleCard.getByRole("link", { name: "Record of Monthly SOC2 Summary" }), "record");
  await expectOnScreen(scheduleCard.getByRole("button", { name: "Pause Monthly SOC2 Summary" }), "pause");
  await expectOnScreen(scheduleCard.getByRole("button", { name: "Delete Monthly SOC2 Summary" }), "delete");
  await expectNoSidewaysScroll(page);
  await expectNoViolations(page, "schedules as cards at 390 px");
  await page.screenshot({ path: "test-results/screenshots/schedules-cards-390.png", fullPage: true });
});
