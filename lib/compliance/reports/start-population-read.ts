import type { PopulationSource } from "./population-source";
import { populationPageSize } from "./write-population-table";

export type StartedPopulationRead<Row> = {
  /** The population, whose first `read` continues the one started. */
  source: PopulationSource<Row>;
  /** Ends the started read if nothing took it (the build ended early); resolves once it has. */
  stop(): Promise<void>;
};

/**
 * Starts reading a population now, before the manifest and the section
 * counts are done. On PostgreSQL a large population's COPY can sort its rows
 * before the first one comes; started early, that sort runs while the
 * database counts, instead of after it while the build waits
 * (docs/benchmarks.md, a population read started ahead). Only its first batch
 * is pulled until the table is written, so memory holds one batch, and the
 * read is one beside the build's queries (PopulationReadOptions).
 */
export function startPopulationRead<Row>(
  source: PopulationSource<Row>,
  batchRows = populationPageSize,
): StartedPopulationRead<Row> {
  const started = source.read(batchRows, { besideQueries: true })[Symbol.asyncIterator]();
  const first = started.next();
  // Taken later, by the table's read; until then a rejection is not "unhandled".
  first.catch(() => undefined);
  let taken = false;
  return {
    source: {
      ...source,
      read(rows, options) {
        if (taken || rows !== batchRows) return source.read(rows, options);
        taken = true;
        return continueRead(first, started);
      },
    },
    async stop() {
      if (taken) return;
      taken = true;
      await first.then(
        () => started.return?.(),
        () => undefined,
      );
    },
  };
}

async function* continueRead<Batch>(
  first: Promise<IteratorResult<Batch>>,
  rest: AsyncIterator<Batch>,
): AsyncGenerator<Batch> {
  try {
    for (let next = await first; !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}
