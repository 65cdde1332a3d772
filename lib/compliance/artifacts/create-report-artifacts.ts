import type { ArtifactSink } from "@/lib/compliance/artifacts/artifact-writer";
import {
  createCsvTableEncoder,
  encodeCsvHeader,
  type CsvTableEncoder,
} from "@/lib/compliance/csv/create-csv-table-encoder";
import type { ReportArtifacts } from "@/lib/compliance/artifacts/report-artifacts";
import type { ReportRow } from "@/lib/compliance/reports/report-definition";

/**
 * The artifacts written in the calling thread: the JSON text as it comes, and
 * each batch's rows encoded from that same text as CSV lines (after the
 * header), so the CSV cannot say anything the JSON does not. JSON.parse is the
 * cheap half of the work and lets the encoding run in another thread. A batch
 * whose writer encoded its CSV lines from the same row objects brings them.
 */
export function createReportArtifacts(
  sinks: { json: ArtifactSink; csv: ArtifactSink },
  csvColumns: readonly string[],
): ReportArtifacts {
  let csvHeaderWritten = false;
  let aborted = false;
  // A table's batches arrive one after another: one encoder serves them all.
  let current: { section: string; table: string; encoder: CsvTableEncoder } | null = null;
  const encoderOf = (section: string, table: string) => {
    if (current?.section !== section || current.table !== table) {
      current = { section, table, encoder: createCsvTableEncoder(csvColumns, section, table) };
    }
    return current.encoder;
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
    async writeRows({ section, table, separator, rowsJson, csvLines }) {
      assertOpen();
      await writeCsvHeader();
      if (csvLines !== undefined) {
        await sinks.csv.write(csvLines);
      } else {
        const encoder = encoderOf(section, table);
        const lines = (JSON.parse(`[${rowsJson}]`) as ReportRow[]).map((row) => encoder.encode(row));
        // Joined once, with the last line's CRLF: one flat string, not a chain of concatenations.
        lines.push("");
        await sinks.csv.write(lines.join("\r\n"));
      }
      await sinks.json.write(separator + rowsJson);
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
