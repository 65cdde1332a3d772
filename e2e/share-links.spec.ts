// Share links in the browser: an admin shares a completed report (dialog:
// expiry, cap, label; the URL shown once), an auditor with no account opens it
// in a fresh browser with no cookies and downloads a file, the report page
// counts the download, and once revoked the link answers 410.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { BrowserContext } from "@playwright/test";
import { expectNoViolations } from "./support/accessibility";
import { createReport, waitForCompleted } from "./support/compliance-reports";
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

/** CSP violations in a context the fixtures do not watch (the auditor's own browser). */
async function watchContentSecurityPolicy(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  context.on("console", (message) => {
    if (message.type() === "error" && /Content[- ]Security[- ]Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.effectiveDirective} blocked ${event.blockedURI}`);
    });
  });
  return violations;
}

test("an admin shares a report; an auditor without an account opens the link, downloads a file, and loses access once it is revoked", async ({
  browser,
  page,
  org,
  signInAs,
}) => {
  test.setTimeout(150_000);
  await signInAs(org.admin);
  await openOverview(page);
  const created = await createReport(page.request, "audit", { dateRange: { from: "2026-01-01", to: "2026-01-31" } });
  const report = await waitForCompleted(page.request, created.id);

  await page.goto(`/dashboard/compliance/reports/${report.id}`);
  await expect(page.getByRole("heading", { level: 1, name: report.title })).toBeVisible();
  const links = page.getByRole("table", { name: "Share links" });
  await expect(page.getByText("This report has not been shared.")).toBeVisible();

  await page.getByRole("button", { name: `Share ${report.title}` }).click();
  const dialog = page.getByRole("dialog", { name: "Share this report" });
  await expect(dialog.getByLabel("Expires after (days)")).toHaveValue("7");
  // The form refuses what the API would, naming the field.
  await dialog.getByLabel("Expires after (days)").fill("45");
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByLabel("Expires after (days)")).toHaveAccessibleDescription(/at most 30 days/);
  await expectNoViolations(page, "share dialog with an error");
  await dialog.getByLabel("Expires after (days)").fill("3");
  await dialog.getByLabel("Download cap (optional)").fill("2");
  await dialog.getByLabel("Label (optional)").fill("External auditor");
  await dialog.getByRole("button", { name: "Create link" }).click();

  const done = page.getByRole("dialog", { name: "Share link created" });
  const url = await done.getByLabel("Share link").inputValue();
  expect(url).toMatch(new RegExp(`^${new URL(page.url()).origin}/share/[A-Za-z0-9_-]{43}$`));
  await expect(done.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expectNoViolations(page, "share dialog showing the URL");
  await done.getByRole("button", { name: "Done" }).click();

  const row = links.getByRole("row").filter({ hasText: "External auditor" });
  await expect(row).toContainText("Active");
  await expect(row).toContainText("0 / 2");
  await expect(row).toContainText("Never");
  await expectNoViolations(page, "report page with its share links");

  // The auditor: a browser of their own, no cookies, no account.
  const auditor = await browser.newContext();
  const violations = await watchContentSecurityPolicy(auditor);
  expect(await auditor.cookies()).toEqual([]);
  const shared = await auditor.newPage();
  const opened = await shared.goto(url);
  expect(opened?.status()).toBe(200);
  // The app's security headers apply here too.
  expect(opened?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(opened?.headers()["x-frame-options"]).toBe("DENY");
  await expect(shared.getByRole("heading", { level: 1, name: report.title })).toBeVisible();
  await expect(shared.getByText("Signature and files verified")).toBeVisible();
  await expect(shared.getByText(report.artifacts!.csv!.sha256)).toBeVisible();
  // Nothing of the app: no navigation, no sign-in, no other page.
  await expect(shared.getByRole("navigation")).toHaveCount(0);
  await expect(shared.getByRole("link", { name: /dashboard|sign in/i })).toHaveCount(0);
  await expectNoViolations(shared, "shared report page");

  const downloading = shared.waitForEvent("download");
  await shared.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  const bytes = await readFile(await download.path());
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(report.artifacts!.csv!.sha256);
  expect(bytes.toString("utf8").split(/\r?\n/)[0]).toMatch(/^section,/);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  expect(await auditor.cookies()).toEqual([]);

  // The admin sees the visit and the download, then revokes the link.
  await page.reload();
  await expect(row).toContainText("1 / 2");
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: "Revoke the link “External auditor”" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke link" }).click();
  await expect(row).toContainText("Revoked");

  const gone = await shared.goto(url);
  expect(gone?.status()).toBe(410);
  await expect(shared.getByRole("heading", { level: 1, name: "This share link no longer works" })).toBeVisible();
  await expect(shared.getByText("This share link was revoked")).toBeVisible();
  await expectNoViolations(shared, "revoked link page");
  const unknown = await shared.goto(url.replace(/[A-Za-z0-9_-]{43}$/, "A".repeat(43)));
  expect(unknown?.status()).toBe(404);
  await auditor.close();
  expect(violations, "the share pages broke the Content-Security-Policy").toEqual([]);
});
