// Security headers and the Content-Security-Policy: every page, API answer and
// static file carries them, and the main pages (charts and report viewer
// included) render and respond with scripts allowed only by the per-request
// nonce. The `cspViolations` fixture fails any test whose pages break the policy.
import type { APIResponse, Response } from "@playwright/test";
import { createReport, waitForCompleted } from "./support/compliance-reports";
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

function daysAgo(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days))
    .toISOString()
    .slice(0, 10);
}

function expectSecurityHeaders(response: Response | APIResponse | null) {
  expect(response).not.toBeNull();
  const headers = response!.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expectOtherHeaders(headers);
  return policy;
}

/** API answers are data: their policy lets nothing load or run (set by the API wrappers, not proxy.ts). */
function expectApiSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/^default-src 'none';.*frame-ancestors 'none'/);
  expectOtherHeaders(headers);
}

function expectOtherHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  // Served over plain http here: HSTS would mean nothing.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** Next stamped the policy's nonce on every script of the server-rendered HTML (later chunks load through 'strict-dynamic'). */
async function expectNoncedScripts(response: Response | null, policy: string) {
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  const html = await response!.text();
  const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
}

test("the sign-in page works under the policy", async ({ page }) => {
  const response = await page.goto("/login");
  const policy = expectSecurityHeaders(response);
  await expectNoncedScripts(response, policy);
  // Hydrated: the client-side form answers (a wrong password shows its error without a page load).
  await page.getByLabel("Email").fill("nobody@example.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  // (Next's route announcer is also role="alert", hence the filter.)
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Invalid email or password");
});

test("each request gets its own nonce", async ({ request }) => {
  const first = expectSecurityHeaders(await request.get("/login"));
  const second = expectSecurityHeaders(await request.get("/login"));
  expect(first).not.toBe(second);
});

test("the main pages, charts and report viewer work under the policy", async ({ page, org, signInAs }) => {
  test.setTimeout(120_000);
  await signInAs(org.admin);
  await openOverview(page);
  const created = await createReport(page.request, "soc2", { dateRange: { from: daysAgo(29), to: daysAgo(0) } });
  const report = await waitForCompleted(page.request, created.id);

  const overview = await page.goto("/dashboard");
  await expectNoncedScripts(overview, expectSecurityHeaders(overview));
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  const compliance = await page.goto("/dashboard/compliance");
  expectSecurityHeaders(compliance);
  await expect(page.getByRole("heading", { level: 1, name: "Compliance Reporting" })).toBeVisible();
  // Client-side tabs switch only once React has hydrated with the nonced scripts.
  await page.getByRole("tab", { name: "Reports" }).click();
  await expect(page.getByRole("tab", { name: "Reports" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("table", { name: "Reports" })).toBeVisible();

  const viewer = await page.goto(`/dashboard/compliance/reports/${report.id}`);
  expectSecurityHeaders(viewer);
  await expect(page.getByRole("heading", { level: 1, name: report.title })).toBeVisible();
  const chart = page.getByRole("figure", { name: "Logins vs failures" });
  await expect(chart.locator(".recharts-wrapper > svg.recharts-surface")).toHaveCount(1);

  expectSecurityHeaders(await page.goto("/dashboard/agents"));
  await expect(page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();

  expectSecurityHeaders(await page.goto("/dashboard/settings/api-keys"));
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
});

test("API answers, downloads, errors and static files carry the headers", async ({ page, org, signInAs }) => {
  await signInAs(org.admin);
  await openOverview(page);
  expectApiSecurityHeaders(await page.request.get("/api/health"));
  expectApiSecurityHeaders(await page.request.get("/api/engine/compliance/reports"));
  expectApiSecurityHeaders(await page.request.get("/compliance/reports"));
  expectApiSecurityHeaders(await page.request.get("/api/no-such-route"));
  expectApiSecurityHeaders(await page.request.post("/api/health"));
  expectSecurityHeaders(await page.request.get("/api/auth/providers"));
  expectSecurityHeaders(await page.request.get("/robots.txt"));
  const scriptSrc = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
  expectSecurityHeaders(await page.request.get(scriptSrc!));
});

test("a script injected into a page without the nonce is blocked and reported", async ({ page, cspViolations }) => {
  // What a stored XSS would look like: markup the server did not mean to send, inside a real page and policy.
  await page.route("**/login", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</body>", "<script>window.__injectedRan = true</script></body>");
    await route.fulfill({ response, body });
  });
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Attest" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __injectedRan?: boolean }).__injectedRan === true)).toBe(
    false,
  );
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(cspViolations.join("\n")).toMatch(/script-src/);
  // Provoked on purpose: the fixture's own check after the test must not count it.
  cspViolations.length = 0;
});
