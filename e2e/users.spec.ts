// The Users page: admins add (an invitation with a one-time set-password
// link), re-role and remove members, and cannot demote the last admin;
// auditors read it; members have no page.
import { expect, test } from "./support/fixtures";
import { expectNoViolations } from "./support/accessibility";
import { openOverview, signIn } from "./support/sign-in";

const nav = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Dashboard" });

test("an admin invites a member, changes a role, is kept from demoting the last admin, and removes a member", async ({
  page,
  org,
  signInAs,
}) => {
  // Four mutations and reloads: more than the default budget on a busy machine.
  test.slow();
  const invitee = `invitee-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  await signInAs(org.admin);
  await openOverview(page);
  await nav(page).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  const table = page.getByRole("table", { name: "Members" });
  for (const user of [org.admin, org.auditor, org.member]) await expect(table).toContainText(user.email);
  await expectNoViolations(page, "users page");

  // Add someone without an account: the set-password link is shown once.
  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog", { name: "Add member" });
  await dialog.getByLabel("Email").fill(invitee);
  await dialog.getByLabel("Role").selectOption("auditor");
  await dialog.getByRole("button", { name: "Add member" }).click();
  const created = page.getByRole("dialog", { name: "Invitation created" });
  const link = await created.getByLabel("Set-password link").textContent();
  expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
  await created.getByRole("button", { name: "Done" }).click();
  const inviteeRow = table.getByRole("row").filter({ hasText: invitee });
  await expect(inviteeRow).toContainText("Invited");
  await expect(inviteeRow.getByLabel(`Role of ${invitee}`)).toHaveValue("auditor");

  // Change the member's role; it holds after a reload.
  await table.getByLabel(`Role of ${org.member.email}`).selectOption("auditor");
  await expect(async () => {
    await page.reload();
    await expect(table.getByLabel(`Role of ${org.member.email}`)).toHaveValue("auditor", { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });

  // The only admin cannot demote themself.
  await table.getByLabel(`Role of ${org.admin.email}`).selectOption("member");
  await expect(table.getByRole("alert")).toContainText("at least one admin");
  await expect(table.getByLabel(`Role of ${org.admin.email}`)).toHaveValue("admin");

  // Remove the invitee: gone from the list, and their link no longer works.
  await inviteeRow.getByRole("button", { name: `Remove ${invitee}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Remove ${invitee}?` });
  await confirm.getByRole("button", { name: "Remove member" }).click();
  await expect(confirm).toBeHidden();
  await expect(table).not.toContainText(invitee);
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
});

test("an invited person sets a password through the link once, then signs in", async ({
  page,
  browser,
  org,
  signInAs,
}) => {
  // Two browsers, a password hashed at full cost, a sign-in through the form.
  test.slow();
  const invitee = `newcomer-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  await signInAs(org.admin);
  await page.goto("/dashboard/users");
  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog", { name: "Add member" });
  await dialog.getByLabel("Email").fill(invitee);
  await dialog.getByRole("button", { name: "Add member" }).click();
  const link = await page
    .getByRole("dialog", { name: "Invitation created" })
    .getByLabel("Set-password link")
    .textContent();

  const visitor = await browser.newContext();
  const newcomer = await visitor.newPage();
  await newcomer.goto(new URL(link!).pathname);
  await expect(newcomer.getByRole("heading", { level: 1, name: `Join ${org.name} on Attest` })).toBeVisible();
  await expectNoViolations(newcomer, "set-password page");
  const password = "a long new password 42";
  await newcomer.getByLabel("New password").fill(password);
  await newcomer.getByLabel("Repeat the password").fill(password);
  await newcomer.getByRole("button", { name: "Set password" }).click();
  await expect(newcomer.getByText("Your password is set.")).toBeVisible();
  // Single use.
  await newcomer.goto(new URL(link!).pathname);
  await expect(newcomer.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
  await signIn(newcomer, invitee, { password });
  await expect(newcomer.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await visitor.close();

  await page.reload();
  await expect(
    page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: invitee }),
  ).toContainText("Active");
});

test("an auditor reads the Users page without any control", async ({ page, org, signInAs }) => {
  await signInAs(org.auditor);
  await openOverview(page);
  await nav(page).getByRole("link", { name: "Users" }).click();
  const table = page.getByRole("table", { name: "Members" });
  await expect(table).toContainText(org.admin.email);
  await expect(table.getByRole("row").filter({ hasText: org.admin.email })).toContainText("admin");
  await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
});

test("a member has no Users link and gets a 403 page at its URL", async ({ page, org, signInAs }) => {
  await signInAs(org.member);
  await openOverview(page);
  await expect(nav(page).getByRole("link", { name: "Users" })).toHaveCount(0);
  const response = await page.goto("/dashboard/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("table", { name: "Members" })).toHaveCount(0);
});
