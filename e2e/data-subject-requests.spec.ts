// The data-subject requests page as an admin uses it: record a request (due a
// month later), generate its access report and open it once it completed,
// extend the deadline with a reason, and fulfil it; an auditor reads the list
// without the controls.
import { expect, test } from "./support/fixtures";

const api = "/api/engine/compliance";

function utcDay(offsetMonths = 0): string {
  const now = new Date();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offsetMonths, 1));
  // Clamp like the server: the last day of a shorter month.
  const lastDay = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
  day.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return day.toISOString().slice(0, 10);
}

test("an admin records a request, generates its report, extends and fulfils it", async ({ page, org, signInAs }) => {
  // A report is generated and awaited on the way.
  test.setTimeout(120_000);
  const subject = `jane.${org.slug}@example.org`;
  await signInAs(org.admin);
  await page.goto("/dashboard/compliance");
  await page.getByRole("link", { name: "Data-subject requests" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Data-subject requests" })).toBeVisible();
  await expect(page.getByText("No data-subject requests yet.")).toBeVisible();

  await page.getByRole("button", { name: "New request" }).click();
  const form = page.getByRole("form", { name: "New data-subject request" });
  await form.getByLabel("Subject email").fill(subject);
  await form.getByLabel("Other identifiers (optional)").fill("+44 20 7946 0958");
  await expect(form.getByLabel("Received on")).toHaveValue(utcDay());
  await form.getByLabel("Identity verified how").fill("Replied from the address on file");
  await form.getByLabel("Verified by").fill(org.admin.email);
  await form.getByRole("button", { name: "Record request" }).click();

  const detail = page.getByRole("region", { name: `Request from ${subject}` });
  await expect(detail).toBeVisible();
  await expect(detail.getByText(`Due:${utcDay(1)}`, { exact: true })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(row).toContainText("open");

  await detail.getByRole("button", { name: "Generate access report" }).click();
  const reportLink = detail.getByRole("link", { name: "Open the access report" });
  await expect(reportLink).toBeVisible();
  const reportId = (await reportLink.getAttribute("href"))!.split("/").pop()!;
  await expect
    .poll(
      async () => ((await (await page.request.get(`${api}/reports/${reportId}`)).json()) as { status: string }).status,
      {
        timeout: 60_000,
      },
    )
    .toBe("completed");
  await reportLink.click();
  await expect(page.getByRole("heading", { level: 1, name: /Data-Subject Access/ })).toBeVisible();
  await page.goBack();

  await page.getByRole("button", { name: `View request from ${subject}` }).click();
  await detail.getByLabel("Reason for the extension").fill("Emails across four agents to review");
  await detail.getByRole("button", { name: "Extend" }).click();
  await expect(detail.getByText("1 month(s): Emails across four agents to review")).toBeVisible();
  await expect(detail.getByText(`Due:${utcDay(2)}`, { exact: true })).toBeVisible();
  await expect(row).toContainText("extended");

  await detail.getByRole("button", { name: "Mark fulfilled" }).click();
  await expect(row).toContainText("fulfilled");
  await expect(row).toContainText("Closed");
  await expect(detail.getByRole("button", { name: "Extend" })).toHaveCount(0);

  // An auditor reads the request but has none of the controls.
  await signInAs(org.auditor);
  await page.goto("/dashboard/compliance/requests");
  await expect(page.getByRole("row").filter({ hasText: subject })).toContainText("fulfilled");
  await expect(page.getByRole("button", { name: "New request" })).toHaveCount(0);
});
