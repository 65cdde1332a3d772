// Dev tool: times the CSV encoding of a stored report's large tables, as the
// artifact thread does it (CSV lines from each batch's rows), against what it
// replaced: `Papa.unparse` over every union column of every row.
// Usage: DATABASE_URL=file:./data/bench/attest.db node --max-old-space-size=4096 \
//   --import tsx scripts/dev/time-csv-encoding.ts [soc2|gdpr|audit] [rounds]
// (reads the newest completed report of that type: `npm run bench` leaves its
// last runs', `scripts/dev/profile-report.ts <type> --keep` one).
import Papa from "papaparse";
import { createCsvTableEncoder } from "@/lib/compliance/csv/create-csv-table-encoder";
import { formulaPattern } from "@/lib/compliance/csv/encode-csv-cell";
import type { ReportRow } from "@/lib/compliance/reports/report-definition";
import { reportDefinitions } from "@/lib/compliance/reports";
import { db } from "@/lib/db";
import { readArtifactBytes } from "@/lib/compliance/artifacts/read-artifact-bytes";

const batchRows = 250;
const largeTable = 10_000;

async function main() {
  const type = (process.argv[2] ?? "soc2") as "soc2" | "gdpr" | "audit";
  const rounds = Number(process.argv[3] ?? 3);
  const definition = reportDefinitions[type];
  const artifact = await db.reportArtifact.findFirst({
    where: { format: "json", report: { type, status: "completed" } },
    orderBy: { createdAt: "desc" },
    select: { id: true, byteSize: true, chunkCount: true },
  });
  if (!artifact)
    throw new Error(
      `No completed ${type} report in this database: run npm run bench or scripts/dev/profile-report.ts --keep first`,
    );
  const parts: Buffer[] = [];
  for await (const chunk of readArtifactBytes(db, artifact)) parts.push(Buffer.from(chunk));
  const document = JSON.parse(Buffer.concat(parts).toString("utf8")) as {
    sections: Record<string, { tables: Record<string, ReportRow[]> }>;
  };
  const batches: { section: string; table: string; rows: ReportRow[] }[] = [];
  for (const [section, { tables }] of Object.entries(document.sections)) {
    for (const [table, rows] of Object.entries(tables)) {
      if (rows.length < largeTable) continue;
      for (let start = 0; start < rows.length; start += batchRows) {
        batches.push({ section, table, rows: rows.slice(start, start + batchRows) });
      }
    }
  }
  const columns = definition.csvColumns;
  const rowCount = batches.reduce((sum, batch) => sum + batch.rows.length, 0);
  console.log(
    `${type}: ${rowCount.toLocaleString()} rows of tables over ${largeTable.toLocaleString()} rows, ${columns.length} columns`,
  );

  const unparse = (batch: (typeof batches)[number]) =>
    Papa.unparse(
      batch.rows.map((row) => [
        batch.section,
        batch.table,
        ...columns.map((column) => {
          const value = row[column];
          return value !== null && typeof value === "object" ? JSON.stringify(value) : (value ?? null);
        }),
      ]),
      { header: false, newline: "\r\n", escapeFormulae: formulaPattern },
    ) + "\r\n";
  const encodeTables = () => {
    let encoder: ReturnType<typeof createCsvTableEncoder> | null = null;
    let current = "";
    return (batch: (typeof batches)[number]) => {
      if (current !== `${batch.section}.${batch.table}`) {
        current = `${batch.section}.${batch.table}`;
        encoder = createCsvTableEncoder(columns, batch.section, batch.table);
      }
      const lines = batch.rows.map((row) => encoder!.encode(row));
      lines.push("");
      return lines.join("\r\n");
    };
  };
  const utf8 = new TextEncoder();
  const buffer = Buffer.allocUnsafe(16 * 1024 * 1024);
  for (let round = 0; round < rounds; round++) {
    for (const [name, encode] of [
      ["Papa.unparse, every column", unparse],
      ["table encoder", encodeTables()],
    ] as const) {
      let encodeMs = 0;
      let utf8Ms = 0;
      let bytes = 0;
      for (const batch of batches) {
        const started = performance.now();
        const text = encode(batch);
        const encoded = performance.now();
        bytes += utf8.encodeInto(text, buffer).written;
        utf8Ms += performance.now() - encoded;
        encodeMs += encoded - started;
      }
      console.log(
        `  ${name.padEnd(28)} ${(encodeMs / 1000).toFixed(2)} s encoding + ${(utf8Ms / 1000).toFixed(2)} s UTF-8, ${(bytes / 1e6).toFixed(0)} MB`,
      );
    }
  }
  await db.$disconnect();
}

void main();
