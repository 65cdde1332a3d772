// The API reference at /docs/api: the bundled renderer shows the operations of
// GET /api/engine/openapi.json without sign-in and within the page's
// Content-Security-Policy (the `cspViolations` fixture fails the test otherwise).
import { expect, test } from "./support/fixtures";

// The renderer is a large chunk: on a busy machine it takes a while to appear.
const rendered = { timeout: 30_000 };

test("the API reference renders the document's operations under the CSP", async ({ page }) => {
  test.setTimeout(60_000);
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  const response = await page.goto("/docs/api");
  expect(response?.status()).toBe(200);

  await expect(page.getByText("Attest API").first()).toBeVisible(rendered);
  await expect(page.getByText("Queue a SOC2 Summary").first()).toBeVisible();
  await expect(page.getByText("List reports").first()).toBeVisible();
  await expect(page.getByText("Audit trail").first()).toBeVisible();
  await page.waitForLoadState("networkidle");

  // Bundled: nothing comes from another origin (no CDN, no fonts, no telemetry).
  const origin = new URL(page.url()).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith("data:"))).toEqual([]);
});

test("the document is served as JSON without sign-in", async ({ request }) => {
  const response = await request.get("/api/engine/openapi.json");
  expect(response.status()).toBe(200);
  const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/engine/compliance/reports/{id}/download");
});

test("the API keys page links to the reference", async ({ page, org, signInAs }) => {
  test.setTimeout(60_000);
  await signInAs(org.admin);
  await page.goto("/dashboard/settings/api-keys");
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByText("Queue a SOC2 Summary").first()).toBeVisible(rendered);
});
