// The population manifest: per source, the filter applied, how many rows, first and last.
import type { ManifestEntry } from "@/components/compliance/report-document";
import { ReportValueCell } from "@/components/compliance/report-value-cell";
import { ScrollableTable } from "@/components/compliance/scrollable-table";
import { TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

function Boundary({ entry }: { entry: ManifestEntry["first"] }) {
  if (!entry) return <span className="text-slate-500">—</span>;
  return (
    <>
      <ReportValueCell value={entry.at} />
      <span className="block font-mono text-[11px] break-all text-slate-500 print:break-normal print:whitespace-nowrap">
        {entry.id}
      </span>
    </>
  );
}

export function ManifestTable({ manifest }: { manifest: ManifestEntry[] }) {
  return (
    <div className="report-table">
      <ScrollableTable label="Population manifest table">
        <caption className="sr-only">Population manifest</caption>
        <TableHead>
          <tr>
            <TableHeaderCell>Source</TableHeaderCell>
            <TableHeaderCell>Filter applied</TableHeaderCell>
            <TableHeaderCell className="text-right">Rows</TableHeaderCell>
            <TableHeaderCell>First</TableHeaderCell>
            <TableHeaderCell>Last</TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {manifest.map((entry) => (
            <tr key={entry.source}>
              <TableCell className="font-medium whitespace-nowrap">{entry.source}</TableCell>
              <TableCell className="max-w-md font-mono text-xs break-words text-slate-700">{entry.filter}</TableCell>
              <TableCell className="text-right tabular-nums">{entry.rowCount.toLocaleString("en-US")}</TableCell>
              <TableCell className="text-xs">
                <Boundary entry={entry.first} />
              </TableCell>
              <TableCell className="text-xs">
                <Boundary entry={entry.last} />
              </TableCell>
            </tr>
          ))}
        </TableBody>
      </ScrollableTable>
    </div>
  );
}
