import type { ArtifactSink } from "@/lib/compliance/artifact-writer";
import { csvHeaderLine, encodeCsvRowsJson } from "@/lib/compliance/encode-csv-rows";
import type { ReportArtifacts } from "@/lib/compliance/report-artifacts";

/**
 * The artifacts written in the calling thread: the JSON text as it comes, and
 * each batch's rows encoded from that same text as CSV lines (after the header).
 */
export function createReportArtifacts(
  sinks: { json: ArtifactSink; csv: ArtifactSink },
  csvColumns: readonly string[],
): ReportArtifacts {
  let csvHeaderWritten = false;
  let aborted = false;
  const writeCsvHeader = async () => {
    if (csvHeaderWritten) return;
    csvHeaderWritten = true;
    await sinks.csv.write(csvHeaderLine(csvColumns));
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
      await sinks.csv.write(encodeCsvRowsJson(section, table, csvColumns, rowsJson));
      await sinks.json.write(separator + rowsJson);
    },
    async finish() {
      assertOpen();
      await writeCsvHeader();
      return { json: await sinks.json.finish(), csv: await sinks.csv.finish() };
    },
    async abort() {
      aborted = true;
    },
  };
}
