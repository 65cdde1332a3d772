// The Agents page and GET /api/agents answer each role alike (one permission,
// lib/agents/view-agents-permission.ts): admins and auditors see the agents and
// their boundaries; members get a 403 page, as the API refuses them.
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

for (const [role, status] of [
  ["admin", 200],
  ["auditor", 200],
  ["member", 403],
] as const) {
  test(`the agents page and /api/agents both answer ${status} to a ${role}`, async ({ page, org, signInAs }) => {
    await signInAs(org[role]);
    await openOverview(page);
    const api = await page.request.get("/api/agents");
    const pageResponse = await page.goto("/dashboard/agents");
    expect(api.status()).toBe(status);
    expect(pageResponse?.status()).toBe(status);
    if (status === 200) {
      await expect(page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();
      const { agents } = (await api.json()) as { agents: { name: string }[] };
      await expect(page.getByRole("table", { name: /Agents/ }).locator("tbody tr")).toHaveCount(agents.length);
    } else {
      await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
      await expect(page.getByRole("table")).toHaveCount(0);
    }
  });
}
