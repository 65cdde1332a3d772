// A report deleted while its download is being prepared is a 404, not a 500.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db, type Database } from "@/lib/db";
import { closeDatabaseClient, registerDatabaseUrl } from "@/lib/db/raw-sql-of";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { createReport } from "@/lib/compliance/requests/create-report";
import { getReportDownload } from "@/lib/compliance/requests/get-report-download";
import { fakeDefinitions, sessionIdentity } from "@/tests/support/compliance-fixtures";
import { createTestOrg, type TestOrg } from "@/tests/support/fixtures";

let org: TestOrg;
const clients: Database[] = [];

beforeAll(async () => {
  org = await createTestOrg();
});

afterAll(async () => {
  await Promise.all(clients.map((client) => closeDatabaseClient(client)));
});

async function completedReport(): Promise<string> {
  const identity = sessionIdentity(org);
  const { report } = await createReport({ identity }, "soc2", {
    dateRange: { from: "2026-01-01T00:00:00Z", to: "2026-01-31T23:59:59Z" },
  });
  const result = await processNextReport(db, "download-deleted-test", {
    definitions: fakeDefinitions({ rows: 20 }),
    reportId: report.id,
  });
  expect(result?.outcome).toBe("completed");
  return report.id;
}

/** The real client, except that the report is deleted right after (or before) its artifact is looked up. */
function deletingDatabase(reportId: string, when: "before-artifact-query" | "after-artifact-query"): Database {
  const deleteReport = () => db.report.delete({ where: { id: reportId } });
  const reportArtifact = new Proxy(db.reportArtifact, {
    get(target, property, receiver) {
      if (property !== "findUnique") return Reflect.get(target, property, receiver);
      return async (args: Parameters<typeof db.reportArtifact.findUnique>[0]) => {
        if (when === "before-artifact-query") await deleteReport();
        const artifact = await target.findUnique(args);
        if (when === "after-artifact-query") await deleteReport();
        return artifact;
      };
    },
  });
  const database = new Proxy(db, {
    get(target, property, receiver) {
      return property === "reportArtifact" ? reportArtifact : Reflect.get(target, property, receiver);
    },
  });
  registerDatabaseUrl(database, inject("databaseUrl"));
  clients.push(database);
  return database;
}

describe("downloading a report deleted mid-request", () => {
  it.each(["before-artifact-query", "after-artifact-query"] as const)(
    "answers 404 when it is deleted %s",
    async (when) => {
      const reportId = await completedReport();
      const ctx = { identity: sessionIdentity(org), db: deletingDatabase(reportId, when) };

      const error = await getReportDownload(ctx, reportId, { format: "json", bom: false }).catch(
        (caught: unknown) => caught,
      );

      expect(error).toMatchObject({ code: "not_found", message: "Report not found" });
    },
  );

  it("still serves the whole file when nothing is deleted", async () => {
    const reportId = await completedReport();
    const download = await getReportDownload({ identity: sessionIdentity(org) }, reportId, {
      format: "json",
      bom: false,
    });

    const text = await new Response(download.body).text();
    expect(Buffer.byteLength(text)).toBe(Number(download.headers["content-length"]));
    expect(() => JSON.parse(text) as unknown).not.toThrow();
  });
});
