// The fixtures themselves: a minted cookie signs a user into their own org with
// their role and nothing else; every test's org starts with no reports of anyone
// else's; and deleting an org really removes its people.
import { expect, test } from "./support/fixtures";
import { openOverview } from "./support/sign-in";

test("a minted session signs the user into their own org, with their role, and no other org", async ({
  page,
  org,
  createOrg,
  database,
  signInAs,
}) => {
  const other = await createOrg({ name: "Globex" });
  await database.insertFailedReport({
    orgId: other.id,
    type: "audit",
    title: "Globex's own report",
    scope: { dateRange: { from: "2026-01-01", to: "2026-01-31" }, agentIds: [] },
    errorCode: "source_failed",
    createdByLabel: other.admin.email,
  });
  await signInAs(org.auditor);
  await openOverview(page);
  await expect(page.getByText("Your role: auditor")).toBeAttached();
  await page.getByRole("button", { name: `Organization: ${org.name}` }).click();
  await expect(page.getByRole("menu").getByRole("menuitemradio")).toHaveCount(1);

  // A fresh org has no reports, and the other org's stay out of sight.
  const list = await page.request.get("/api/engine/compliance/reports");
  expect(list.status()).toBe(200);
  expect((await list.json()).reports).toEqual([]);
});

test("after the fixture deletes an org, its users' sessions no longer open the dashboard", async ({
  page,
  createOrg,
  database,
  signInAs,
}) => {
  const org = await createOrg();
  await signInAs(org.admin);
  await openOverview(page);

  await database.deleteOrg(org);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard$/);
});
