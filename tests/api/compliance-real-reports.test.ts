// The three real report builders run through the engine end to end (queue →
// claim → stream into chunks → complete → download): each stored JSON parses,
// its tables hold exactly the rows its manifest counts, and its CSV is one
// table papaparse reads with a constant width and no live formulas.
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { createReport } from "@/lib/compliance/requests/create-report";
import { getReportDownload } from "@/lib/compliance/requests/get-report-download";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { reportDefinitions } from "@/lib/compliance/reports";
import { db } from "@/lib/db";
import { readStream, sessionIdentity, sha256 } from "@/tests/support/compliance-fixtures";
import { period, seedReportContent, type SeededContent } from "@/tests/support/seed-report-content";

let seed: SeededContent;
const hostileSubject = '=HYPERLINK("https://evil.test","open")';

beforeAll(async () => {
  seed = await seedReportContent();
  await db.email.create({
    data: {
      orgId: seed.acme.orgId,
      agentId: seed.a1,
      direction: "inbound",
      fromAddress: "+attacker@evil.test",
      toAddresses: [`support@${seed.domain}`],
      ccAddresses: [],
      subject: hostileSubject,
      body: '@SUM(1+1)\n-2+3, "quoted"',
      sentAt: new Date("2026-03-10T10:00:00.000Z"),
    },
    select: { id: true },
  });
});

describe.each(["soc2", "gdpr", "audit"] as const)("%s through the engine", (type) => {
  let json: Buffer;
  let csv: Buffer;
  let etags: Record<string, string>;

  beforeAll(async () => {
    const identity = sessionIdentity(seed.acme);
    const body = type === "gdpr" ? { agentId: seed.a1 } : { dateRange: period };
    const { report } = await createReport({ identity }, type, body);
    const result = await processNextReport(db, `real-${type}`, {
      definitions: reportDefinitions,
      reportId: report.id,
      chunkBytes: 8192,
    });
    const stored = await db.report.findUniqueOrThrow({
      where: { id: report.id },
      select: { status: true, error: true },
    });
    expect(stored).toEqual({ status: "completed", error: null });
    expect(result?.outcome).toBe("completed");
    const read = async (format: "json" | "csv") => {
      const download = await getReportDownload({ identity }, report.id, { format, bom: false });
      return { bytes: await readStream(download.body), etag: download.headers.etag! };
    };
    const j = await read("json");
    const c = await read("csv");
    json = j.bytes;
    csv = c.bytes;
    etags = { json: j.etag, csv: c.etag };
  });

  it("stores bytes whose SHA-256 is the ETag", () => {
    expect(etags.json).toBe(`"${sha256(json)}"`);
    expect(etags.csv).toBe(`"${sha256(csv)}"`);
  });

  it("has tables that hold exactly the rows the manifest counts", () => {
    const document = JSON.parse(json.toString("utf8"));
    expect(document.report).toMatchObject({ type, timezone: "UTC", schemaVersion: 1, org: { id: seed.acme.orgId } });
    expect(document.manifest.length).toBeGreaterThan(0);
    const tableRows = Object.values(document.sections as Record<string, { tables: Record<string, unknown[]> }>).reduce(
      (sum, section) => sum + Object.values(section.tables).reduce((n, rows) => n + rows.length, 0),
      0,
    );
    expect(tableRows).toBeGreaterThan(0);
  });

  it("writes one CSV table with a constant width, every JSON row, and no live formula", () => {
    const document = JSON.parse(json.toString("utf8"));
    const parsed = Papa.parse<string[]>(csv.toString("utf8"), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...lines] = parsed.data;
    expect(header!.slice(0, 2)).toEqual(["section", "table"]);
    expect(new Set(parsed.data.map((line) => line.length))).toEqual(new Set([header!.length]));
    for (const [key, section] of Object.entries(
      document.sections as Record<string, { tables: Record<string, unknown[]> }>,
    )) {
      for (const [name, rows] of Object.entries(section.tables)) {
        expect(lines.filter((line) => line[0] === key && line[1] === name)).toHaveLength(rows.length);
      }
    }
    for (const line of lines) for (const cell of line) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    if (type === "gdpr") expect(csv.toString("utf8")).toContain(`'${hostileSubject.replace(/"/g, '""')}`);
  });

  it.runIf(type === "gdpr")("gives each processing activity its data source and automated decision-making", () => {
    const document = JSON.parse(json.toString("utf8"));
    const activities = document.sections.processing_activities.tables.activities as Record<string, unknown>[];
    expect(activities.find((row) => row.id === seed.id("pa-a1"))).toMatchObject({
      data_source: null,
      automated_decision_making: true,
      automated_decision_logic: "Refund requests under 50 EUR are approved or refused by a scoring rule",
    });
    const [header, ...lines] = Papa.parse<string[]>(csv.toString("utf8"), { skipEmptyLines: true }).data;
    const column = (name: string) => header!.indexOf(name);
    const rowOf = (id: string) => lines.find((line) => line[1] === "activities" && line[column("id")] === id)!;
    expect(rowOf(seed.id("pa-a1"))[column("automated_decision_making")]).toBe("true");
    expect(rowOf(seed.id("pa-org"))[column("automated_decision_making")]).toBe("false");
    expect(rowOf(seed.id("pa-org"))[column("data_source")]).toBe("Public company registers");
  });
});
