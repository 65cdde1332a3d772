// manifest.csv: the report's population manifest, one row per source (what
// was read, with which filter, how many rows, the first and last), and the
// package file(s) holding that population's table, so a split table says so.
import { encodeCsvCell } from "@/lib/compliance/csv/encode-csv-cell";
import type { JsonValue } from "@/lib/compliance/reports/report-definition";
import type { ReportDocumentIndex } from "@/lib/compliance/package/report-document-index";
import type { TablePlan } from "@/lib/compliance/package/plan-package-files";

const columns = [
  "source",
  "filter",
  "row_count",
  "first_at",
  "first_id",
  "last_at",
  "last_id",
  "section",
  "table",
  "parts",
  "files",
];

/** A source is named "<Model>: <section>.<table>" after the table it fills. */
const tableOfSource = /^[^:]+: ([^.]+)\.(.+)$/;

export function renderManifestCsv(index: ReportDocumentIndex, plans: readonly TablePlan[]): string {
  const line = (cells: readonly (JsonValue | undefined)[]) => `${cells.map(encodeCsvCell).join(",")}\r\n`;
  let text = line(columns);
  for (const entry of index.manifest) {
    const match = tableOfSource.exec(entry.source);
    const plan = match ? plans.find((p) => p.section === match[1] && p.table === match[2]) : undefined;
    text += line([
      entry.source,
      entry.filter,
      entry.rowCount,
      entry.first?.at,
      entry.first?.id,
      entry.last?.at,
      entry.last?.id,
      plan?.section,
      plan?.table,
      plan?.files.length,
      plan?.files.map((file) => file.path).join(" "),
    ]);
  }
  return text;
}
