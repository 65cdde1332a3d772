// The Art. 30 register as a spreadsheet: an admin imports a CSV (a bad file
// shows its problems by row and column and writes nothing; a good one
// imports) and exports the register; an auditor can only export.
import { downloadText } from "./support/compliance-reports";
import { expect, test } from "./support/fixtures";

// The org fixture and the first visit of a page can be slow on a busy machine.
test.describe.configure({ timeout: 120_000 });

const header =
  "id,agent_id,name,purpose,legal_basis,data_categories,subject_categories,recipients,retention,third_country_transfers,data_source,automated_decision_making,automated_decision_logic";

function csvFile(name: string, lines: string[]) {
  return { name, mimeType: "text/csv", buffer: Buffer.from([header, ...lines].join("\r\n"), "utf8") };
}

test("an admin sees a bad file's problems by row and column, imports a good one, and exports the register", async ({
  page,
  org,
  signInAs,
}) => {
  await signInAs(org.admin);
  await page.goto("/dashboard/compliance");
  await page.getByRole("link", { name: "Record of processing activities (Art. 30)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record of processing activities" })).toBeVisible();

  const file = page.getByLabel("Register file (CSV)");
  await file.setInputFiles(
    csvFile("bad.csv", [
      "pa-ok,,Payroll,Pay staff,legal_obligation,bank details,employees,,10 years,,,false,",
      'pa-bad,,Newsletter,"Send news, monthly",because,email,subscribers,,1 year,USA: SCCs,,false,',
    ]),
  );
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was imported" })).toContainText("2 problems");
  const problems = page.getByRole("table", { name: "Problems in the file" });
  await expect(problems.getByRole("row")).toHaveCount(3);
  await expect(problems.getByRole("row").filter({ hasText: "legal_basis" })).toContainText("3");
  await expect(problems.getByRole("row").filter({ hasText: "third_country_transfers" })).toContainText(
    "ISO 3166-1 alpha-2",
  );

  await file.setInputFiles(
    csvFile("register.csv", [
      "pa-payroll,,Payroll,Pay staff,legal_obligation,bank details; tax id,employees,Tax office,10 years,,HR system,false,",
      `pa-scoring,${org.agents["Sales Outreach"].id},Lead scoring,"Rank leads, by fit",legitimate_interests,email,prospects,,1 year,US: SCCs,Public company registers,true,Leads below a score are not contacted`,
    ]),
  );
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toContainText(
    "2 activities: 2 created, 0 updated",
  );
  await expect(page.getByRole("table", { name: "Problems in the file" })).toHaveCount(0);

  const exported = await downloadText(page, page.getByRole("link", { name: "Export CSV" }));
  expect(exported.filename).toMatch(/^processing-activities-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = exported.text.replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toBe(header);
  expect(lines).toContain(
    `pa-scoring,${org.agents["Sales Outreach"].id},Lead scoring,"Rank leads, by fit",legitimate_interests,email,prospects,,1 year,US: SCCs,Public company registers,true,Leads below a score are not contacted`,
  );
  expect(lines).not.toContainEqual(expect.stringContaining("Newsletter"));
});

test("an auditor can export the register but not import", async ({ page, org, signInAs }) => {
  await signInAs(org.auditor);
  await page.goto("/dashboard/compliance/register");
  await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
  await expect(page.getByLabel("Register file (CSV)")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Import" })).toHaveCount(0);
});
