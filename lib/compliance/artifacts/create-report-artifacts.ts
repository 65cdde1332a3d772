import type { ArtifactSink } from "@/lib/compliance/artifacts/artifact-writer";
import { encodeCsvHeader } from "@/lib/compliance/csv/create-csv-table-encoder";
import { createCsvRowTranscoder, type CsvRowTranscoder } from "@/lib/compliance/csv/create-csv-row-transcoder";
import { encodeCsvCell } from "@/lib/compliance/csv/encode-csv-cell";
import { GrowableBytes } from "@/lib/compliance/csv/growable-bytes";
import type { ReportArtifacts } from "@/lib/compliance/artifacts/report-artifacts";

const newline = 0x0a;

/**
 * The artifacts written in the calling thread: the JSON text as it comes, and
 * each batch's rows rendered from that same text as CSV lines (after the
 * header), so the CSV cannot say anything the JSON does not. The lines are
 * transcoded from the rows' JSON bytes (createCsvRowTranscoder: the bytes
 * JSON.parse and the table encoder would give, without an object or a string
 * per row), which lets the rendering run in another thread cheaply.
 */
export function createReportArtifacts(
  sinks: { json: ArtifactSink; csv: ArtifactSink },
  csvColumns: readonly string[],
): ReportArtifacts {
  let csvHeaderWritten = false;
  let aborted = false;
  const lines = new GrowableBytes();
  // A table's batches arrive one after another: one transcoder serves them all.
  let current: { section: string; table: string; prefix: Buffer; transcoder: CsvRowTranscoder } | null = null;
  const tableOf = (section: string, table: string) => {
    if (current?.section !== section || current.table !== table) {
      current = {
        section,
        table,
        // Every line starts with the table's own two cells; the union columns follow.
        prefix: Buffer.from(`${encodeCsvCell(section)},${encodeCsvCell(table)},`, "utf8"),
        transcoder: createCsvRowTranscoder(csvColumns, `${section}.${table}`),
      };
    }
    return current;
  };
  const writeCsvHeader = async () => {
    if (csvHeaderWritten) return;
    csvHeaderWritten = true;
    await sinks.csv.write(encodeCsvHeader(csvColumns));
  };
  const assertOpen = () => {
    if (aborted) throw new Error("The report's artifacts were aborted");
  };
  return {
    async writeJson(text) {
      assertOpen();
      await sinks.json.write(text);
    },
    async writeRows({ section, table, separator, rowsJson }) {
      assertOpen();
      await writeCsvHeader();
      const json = Buffer.from(rowsJson, "utf8");
      const { prefix, transcoder } = tableOf(section, table);
      // Rows are joined by ",\n", and JSON.stringify never writes a raw line break.
      lines.clear();
      for (let start = 0; start < json.length;) {
        const lineBreak = json.indexOf(newline, start);
        const end = lineBreak === -1 ? json.length : lineBreak - 1;
        lines.writeBytes(prefix, 0, prefix.length);
        transcoder.write(json, start, end, lines);
        start = lineBreak === -1 ? json.length : lineBreak + 1;
      }
      await sinks.csv.writeBytes(lines.bytes.subarray(0, lines.length));
      await sinks.json.write(separator);
      await sinks.json.writeBytes(json);
    },
    async finish() {
      assertOpen();
      await writeCsvHeader();
      return { json: await sinks.json.finish(), csv: await sinks.csv.finish() };
    },
    async abort() {
      aborted = true;
      await Promise.all([sinks.json.abort(), sinks.csv.abort()]);
    },
  };
}
