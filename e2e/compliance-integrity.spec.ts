// The viewer's audit trail integrity section: the chain's verdict in the
// section (green when it verifies), and — when an event was changed in the
// database — a red finding in the section and at the top of the report. The
// signature and the "Download statement" button sit beside the downloads.
import { createReport, waitForCompleted } from "./support/compliance-reports";
import { expect, test } from "./support/fixtures";

function utcDay(offset: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset))
    .toISOString()
    .slice(0, 10);
}

const period = { dateRange: { from: utcDay(-29), to: utcDay(0) } };

test("a verified audit trail: the section's verdict, the signature and the statement download", async ({
  page,
  org,
  signInAs,
}) => {
  test.setTimeout(120_000);
  await signInAs(org.admin);
  const report = await waitForCompleted(page.request, (await createReport(page.request, "audit", period)).id);

  await page.goto(`/dashboard/compliance/reports/${report.id}`);
  const section = page.getByRole("region", { name: "Audit trail integrity" });
  await expect(section).toBeVisible();
  const verdict = section.getByRole("status").filter({ hasText: "Audit trail verified" });
  await expect(verdict).toBeVisible();
  await expect(verdict).toContainText(/The chain verifies from event 1 to event \d+/);
  await expect(page.getByText("Integrity finding")).toHaveCount(0);

  await expect(page.getByText(report.statement!.kid)).toBeVisible();
  const statement = page.getByRole("link", { name: "Download statement" });
  await expect(statement).toHaveAttribute("href", `/api/engine/compliance/reports/${report.id}/statement`);
  await expect(page.getByRole("link", { name: "Download JSON" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download CSV" })).toBeVisible();
});

test("a tampered audit trail is a red finding, in the section and at the top", async ({
  page,
  org,
  signInAs,
  database,
}) => {
  test.setTimeout(120_000);
  await database.tamperAuditEvent(org.id, 2);
  await signInAs(org.admin);
  const report = await waitForCompleted(page.request, (await createReport(page.request, "soc2", period)).id);
  expect(report.status).toBe("completed");

  await page.goto(`/dashboard/compliance/reports/${report.id}`);
  const section = page.getByRole("region", { name: "Audit trail integrity" });
  const finding = section.getByRole("alert");
  await expect(finding).toContainText("Integrity finding: the audit trail does not verify");
  await expect(finding).toContainText("the audit trail is broken at event 2");
  await expect(finding).toHaveClass(/bg-red-50/);
  // A light red background (Tailwind's red-50; Chromium reports it in CIELAB: a* > 0 is towards red).
  const background = await finding.evaluate((element) => getComputedStyle(element).backgroundColor);
  const [lightness, towardsRed] = (background.match(/^lab\(([\d.]+) ([-\d.]+) /) ?? []).slice(1).map(Number);
  expect(lightness, background).toBeGreaterThan(90);
  expect(towardsRed, background).toBeGreaterThan(2);
  // Stated before anything else in the report, with a link to the section.
  const top = page.getByRole("alert").filter({ hasText: "See Audit trail integrity" });
  await expect(top).toBeVisible();
  await expect(top).toHaveClass(/text-red-800/);
  await expect(top.getByRole("link", { name: "See Audit trail integrity" })).toHaveAttribute(
    "href",
    "#section-audit_trail_integrity",
  );
});
