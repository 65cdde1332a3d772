// API keys in Settings: create (plaintext shown once, and closing before it was
// copied asks first), use as Bearer, revoke, and who may see the page.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectNoViolations } from "./support/accessibility";
import { openOverview } from "./support/sign-in";

const reportsUrl = "/api/engine/compliance/reports";

/** Done on the new key's dialog without copying the key: confirmed, as a test that does not need it would. */
async function closeWithoutCopying(page: Page) {
  await page.getByRole("dialog", { name: "API key created" }).getByRole("button", { name: "Done" }).click();
  await page
    .getByRole("alertdialog", { name: "Close without copying the key?" })
    .getByRole("button", { name: "Close without copying" })
    .click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
}
const seedPathReportsUrl = "/compliance/reports";

test("an admin creates a key, a program uses it, and revoking it locks the program out", async ({
  page,
  context,
  request,
  org,
  signInAs,
}) => {
  const name = `e2e exporter ${Date.now()}`;
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(org.admin);
  await openOverview(page);
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();

  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByLabel("Name").fill(name);
  await expect(dialog.getByRole("checkbox", { name: /reports:read/ })).toBeChecked();
  await dialog.getByRole("checkbox", { name: /reports:write/ }).check();
  await dialog.getByRole("button", { name: "Create key" }).click();

  const created = page.getByRole("dialog", { name: "API key created" });
  const keyField = created.getByLabel("Your new API key");
  await expect(keyField).toHaveValue(/^att_[0-9A-Za-z]{8}_[0-9A-Za-z]{32}$/);
  const key = await keyField.inputValue();
  await created.getByRole("button", { name: "Copy key" }).click();
  await expect(created.getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  // Copied: Done closes at once.
  await created.getByRole("button", { name: "Done" }).click();
  await expect(created).toBeHidden();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);

  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).toContainText("reports:read");
  await expect(row).toContainText("reports:write");
  await expect(row).toContainText("Active");
  // Shown once: the plaintext is nowhere on the page any more, even after a reload.
  await page.reload();
  await expect(page.getByText(key)).toHaveCount(0);

  const withKey = { headers: { Authorization: `Bearer ${key}` } };
  const canonical = await request.get(reportsUrl, withKey);
  expect(canonical.status()).toBe(200);
  // The seed page's /compliance/... paths are the same handlers (a rewrite in next.config.js).
  const viaSeedPath = await request.get(seedPathReportsUrl, withKey);
  expect(viaSeedPath.status()).toBe(200);
  expect(Object.keys(await viaSeedPath.json())).toEqual(Object.keys(await canonical.json()));
  // Last used is recorded (possibly just after the response).
  await expect(async () => {
    await page.reload();
    await expect(row).not.toContainText("Never", { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Revoke “${name}”?` });
  await expect(confirm).toContainText(key.slice(0, 12));
  // Focus on Cancel means the dialog has finished opening (its layer and focus trap are set up).
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

  for (const url of [reportsUrl, seedPathReportsUrl]) {
    const refused = await request.get(url, withKey);
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("unauthorized");
  }
});

test("cancelling the revoke confirmation keeps the key active", async ({ page, org, signInAs }) => {
  const name = `e2e keep ${Date.now()}`;
  await signInAs(org.admin);
  await page.goto("/dashboard/settings/api-keys");
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create key" }).click();
  await closeWithoutCopying(page);

  const row = page.getByRole("row").filter({ hasText: name });
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await expect(row).toContainText("Active");
});

test("a key without a scope or a name is refused in the form, with focus on the field, before anything is sent", async ({
  page,
  org,
  signInAs,
}) => {
  let posts = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/api-keys") posts++;
  });
  await signInAs(org.admin);
  await page.goto("/dashboard/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  const name = dialog.getByLabel("Name");
  await name.fill("no scopes");
  await dialog.getByRole("checkbox", { name: /reports:read/ }).uncheck();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const firstScope = dialog.getByRole("checkbox").first();
  await expect(firstScope).toBeFocused();
  await expect(firstScope).toHaveAccessibleDescription("Choose at least one scope");

  // A blank name (spaces only) is refused the same way, on the Name field.
  await dialog.getByRole("checkbox", { name: /reports:read/ }).check();
  await name.fill("   ");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription("Give the key a name");
  await page.waitForTimeout(300);
  expect(posts).toBe(0);
});

for (const role of ["auditor", "member"] as const) {
  test(`an ${role} sees a 403 message instead of the API keys`, async ({ page, org, signInAs }) => {
    await signInAs(org[role]);
    await openOverview(page);
    const response = await page.goto("/dashboard/settings/api-keys");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Create API key" })).toHaveCount(0);
  });
}

test("a key can expire on a chosen day; the list says who created and who revoked it", async ({
  page,
  org,
  signInAs,
}) => {
  const name = `expiring ${Date.now()}`;
  const utcDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await signInAs(org.admin);
  await page.goto("/dashboard/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByLabel("Name").fill(name);
  const expires = dialog.getByLabel("Expires on (optional)");
  await expect(expires).toHaveAttribute("min", utcDay(1));

  // A day already begun is refused before sending, the field focused and its message read with it.
  await expires.fill(utcDay(0));
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(expires).toBeFocused();
  await expect(expires).toHaveAttribute("aria-invalid", "true");
  await expect(expires).toHaveAccessibleDescription(/Choose a day after today \(UTC\)/);

  await expires.fill(utcDay(30));
  await dialog.getByRole("button", { name: "Create key" }).click();
  await closeWithoutCopying(page);

  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(`${utcDay(30)} 00:00 UTC`);
  await expect(row).toContainText(`by ${org.admin.email}`);
  await expectNoViolations(page, "API keys with expiry and authors");

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Revoke “${name}”?` });
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  // The dialog closes once the revoke has succeeded: reloading earlier can race it.
  await expect(confirm).toBeHidden();
  await page.reload();
  await expect(row).toContainText("Revoked");
  await expect(row.getByText(`by ${org.admin.email}`)).toHaveCount(2);
});

test("closing the new key's dialog before the key was copied asks first; copying it first does not", async ({
  page,
  context,
  org,
  signInAs,
}) => {
  test.slow();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(org.admin);
  await page.goto("/dashboard/settings/api-keys");
  const createButton = page.getByRole("button", { name: "Create API key" });
  const createKey = async (name: string) => {
    await createButton.click();
    const dialog = page.getByRole("dialog", { name: "Create API key" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Create key" }).click();
    const created = page.getByRole("dialog", { name: "API key created" });
    await expect(created.getByLabel("Your new API key")).toHaveValue(/^att_/);
    return created;
  };
  const confirm = page.getByRole("alertdialog", { name: "Close without copying the key?" });

  const name = `guarded ${Date.now()}`;
  const created = await createKey(name);
  const key = await created.getByLabel("Your new API key").inputValue();

  // Escape asks; going back keeps the same key on screen, focus on the button that copies it.
  await page.keyboard.press("Escape");
  await expect(confirm).toBeVisible();
  await expect(confirm).toHaveAccessibleDescription(/^You have not copied this key; it will not be shown again\./);
  await expectNoViolations(page, "close-without-copying confirmation");
  await confirm.getByRole("button", { name: "Back to the key" }).click();
  await expect(confirm).toBeHidden();
  await expect(created.getByLabel("Your new API key")).toHaveValue(key);
  await expect(created.getByRole("button", { name: "Copy key" })).toBeFocused();

  // A click outside the dialog asks too; Escape in the question goes back, not on to close.
  await page.mouse.click(5, 5);
  await expect(confirm).toBeVisible();
  // Escape before the question has taken focus would reach the key's dialog beneath it, which asks again.
  await expect(confirm.getByRole("button", { name: "Back to the key" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(created).toBeVisible();

  // So does Done; confirming closes both, and the key is in the list.
  await created.getByRole("button", { name: "Done" }).click();
  await confirm.getByRole("button", { name: "Close without copying" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(createButton).toBeFocused();
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Active");

  // Copied with the button: closing does not ask.
  const copied = await createKey(`copied ${Date.now()}`);
  const copiedKey = await copied.getByLabel("Your new API key").inputValue();
  await copied.getByRole("button", { name: "Copy key" }).click();
  await expect(copied.getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(copiedKey);
  await page.keyboard.press("Escape");
  await expect(copied).toBeHidden();
  await expect(confirm).toHaveCount(0);

  // Copied by hand from the field (select, Ctrl+C): closing does not ask either.
  const byHand = await createKey(`by hand ${Date.now()}`);
  const field = byHand.getByLabel("Your new API key");
  await field.focus();
  await page.keyboard.press("ControlOrMeta+c");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await field.inputValue());
  await byHand.getByRole("button", { name: "Done" }).click();
  await expect(byHand).toBeHidden();
  await expect(confirm).toHaveCount(0);
});
