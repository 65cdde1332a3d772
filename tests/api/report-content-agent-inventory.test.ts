// Agent Inventory content: every agent of the org, or only the selected ones,
// never another org's; the manifest counts what the table lists.
import { beforeAll, describe, expect, it } from "vitest";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { reportDefinitions } from "@/lib/compliance/reports";
import { createReport } from "@/lib/compliance/requests/create-report";
import { db } from "@/lib/db";
import { sessionIdentity } from "@/tests/support/compliance-fixtures";
import { CollectingReportOutput } from "@/tests/support/collecting-report-output";
import { buildContext, seedReportContent, type SeededContent } from "@/tests/support/seed-report-content";

const definition = reportDefinitions["agent-inventory"];

async function runInventory(seed: SeededContent, agentIds: string[]): Promise<CollectingReportOutput> {
  const output = new CollectingReportOutput(definition.csvColumns);
  await definition.build(buildContext(seed.acme.orgId, "agent-inventory", { agentIds }), output);
  return output;
}

describe("Agent Inventory content", () => {
  let seed: SeededContent;
  beforeAll(async () => {
    seed = await seedReportContent();
  });

  it("lists every agent of the org, and only the selected ones when asked", async () => {
    const all = await runInventory(seed, []);
    const ids = all.sections.get("agents")!.tables.agents!.map((row) => row.agent_id);
    expect(ids).toEqual(expect.arrayContaining([seed.a1, seed.a2]));
    expect(ids).not.toContain(seed.b1);
    expect(all.manifest![0]!.rowCount).toBe(ids.length);

    const one = await runInventory(seed, [seed.a1]);
    expect(one.sections.get("agents")!.tables.agents!.map((row) => row.agent_id)).toEqual([seed.a1]);
    expect(one.manifest![0]!.filter).toContain(`id in (${seed.a1})`);
  });

  it("runs through the engine from a request to a completed report", async () => {
    const report = await createReport({ identity: sessionIdentity(seed.acme) }, "agent-inventory", {
      agentIds: [seed.a1],
    });
    expect(report.title).toMatch(/^Agent Inventory — /);
    const result = await processNextReport(db, "inventory-worker", {
      definitions: reportDefinitions,
      reportId: report.id,
    });
    expect(result?.outcome).toBe("completed");
  });
});
