import type { ArtifactSink } from "@/lib/compliance/artifact-writer";
import type { CsvRenderer } from "@/lib/compliance/csv-renderer";
import { csvHeaderLine, encodeCsvRowsJson } from "@/lib/compliance/encode-csv-rows";

/** Renders CSV into `sink` in the calling thread: the header line, then each batch as it comes. */
export function createCsvArtifactRenderer(sink: ArtifactSink, columns: readonly string[]): CsvRenderer {
  let headerWritten = false;
  let aborted = false;
  const writeHeader = async () => {
    if (headerWritten) return;
    headerWritten = true;
    await sink.write(csvHeaderLine(columns));
  };
  const assertOpen = () => {
    if (aborted) throw new Error("The CSV rendering was aborted");
  };
  return {
    async writeRows(section, table, rowsJson) {
      assertOpen();
      await writeHeader();
      await sink.write(encodeCsvRowsJson(section, table, columns, rowsJson));
    },
    async finish() {
      assertOpen();
      await writeHeader();
      return sink.finish();
    },
    async abort() {
      aborted = true;
    },
  };
}
