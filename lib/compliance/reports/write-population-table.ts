import type {
  BuildContext,
  ManifestEntry,
  ReportOutput,
  ReportRow,
  RowJsonBatch,
} from "@/lib/compliance/reports/report-definition";
import type { ProgressTracker } from "./create-progress-tracker";
import type { PopulationSource, RowJsonRendering } from "./population-source";

/** Rows per keyset page (SQLite): big enough to amortise a query, small enough to keep memory flat. */
export const populationPageSize = 2_000;

type Options<Row> = {
  ctx: BuildContext;
  output: ReportOutput;
  progress: ProgressTracker;
  /** The table name within the current section. */
  table: string;
  source: PopulationSource<Row>;
  /** The manifest entry written for `source`; the table must have exactly its row count. */
  manifest: ManifestEntry;
  toRow(row: Row): ReportRow;
  /** `toRow`'s rows rendered as JSON text, where the source's database has a rendering. */
  rowJson?: RowJsonRendering;
  pageSize?: number;
};

/**
 * Streams a whole population into one table, page by page in (time, id)
 * order, and fails the report if the rows written differ from the manifest's
 * count (the data changed underneath, or a filter drifted): an auditor must be
 * able to trust that the table is the population the manifest describes.
 */
export async function writePopulationTable<Row>(options: Options<Row>): Promise<number> {
  const { output, table, source, manifest } = options;
  const written = await output.writeTable(table, readPopulation(options));
  if (written !== manifest.rowCount) {
    throw new Error(
      `Population ${source.source} changed during generation: the manifest counted ${manifest.rowCount} rows, the table has ${written}`,
    );
  }
  return written;
}

async function* readPopulation<Row>(options: Options<Row>): AsyncGenerator<ReportRow[] | RowJsonBatch> {
  const { ctx, progress, source, toRow, rowJson } = options;
  const pageSize = options.pageSize ?? populationPageSize;
  ctx.checkpoint();
  const rendered = rowJson && source.readJson(rowJson, pageSize);
  if (rendered) {
    for await (const batch of rendered) {
      ctx.checkpoint();
      yield batch;
      await progress.advance(batch.rowJson.length);
    }
    return;
  }
  for await (const rows of source.read(pageSize)) {
    ctx.checkpoint();
    yield rows.map(toRow);
    await progress.advance(rows.length);
  }
}
