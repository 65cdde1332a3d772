// startPopulationRead: a population's read begun before its table is written,
// then continued by that table's read, or ended when nothing took it.
import { describe, expect, it } from "vitest";
import type { PopulationReadOptions, PopulationSource } from "@/lib/compliance/reports/population-source";
import { startPopulationRead } from "@/lib/compliance/reports/start-population-read";
import { populationPageSize } from "@/lib/compliance/reports/write-population-table";

type Log = string[];

/** A population whose reads log when they start, each batch pulled, and when they end. */
function loggedPopulation(
  log: Log,
  batches: number[][],
  failFirst?: Error,
  readOptions: Array<PopulationReadOptions | undefined> = [],
): PopulationSource<number> {
  let reads = 0;
  return {
    source: "numbers",
    filter: "all",
    table: "Number",
    where: null as never,
    count: async () => batches.flat().length,
    edge: async () => null,
    page: async () => [],
    keyOf: (row) => ({ at: new Date(row), id: String(row) }),
    readJson: () => undefined,
    read(batchRows, options) {
      const read = ++reads;
      readOptions.push(options);
      return (async function* () {
        log.push(`read ${read} of ${batchRows}`);
        try {
          if (failFirst) throw failFirst;
          for (const [index, batch] of batches.entries()) {
            log.push(`read ${read} batch ${index}`);
            yield batch;
          }
        } finally {
          log.push(`read ${read} ended`);
        }
      })();
    },
  };
}

async function collect(rows: AsyncIterable<number[]>): Promise<number[][]> {
  const batches: number[][] = [];
  for await (const batch of rows) batches.push(batch);
  return batches;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("startPopulationRead", () => {
  it("starts the read at once and pulls only its first batch until the table reads", async () => {
    const log: Log = [];
    startPopulationRead(loggedPopulation(log, [[1, 2], [3], [4, 5]]));
    await settle();
    expect(log).toEqual([`read 1 of ${populationPageSize}`, "read 1 batch 0"]);
  });

  it("starts it as a read beside the build's queries; the table's own reads are ordinary", async () => {
    const readOptions: Array<PopulationReadOptions | undefined> = [];
    const started = startPopulationRead(loggedPopulation([], [[1]], undefined, readOptions));
    await collect(started.source.read(populationPageSize));
    await collect(started.source.read(populationPageSize));
    expect(readOptions).toEqual([{ besideQueries: true }, undefined]);
  });

  it("hands the table the started read: every batch in order, one read in all", async () => {
    const log: Log = [];
    const started = startPopulationRead(loggedPopulation(log, [[1, 2], [3], [4, 5]]));
    await settle();
    expect(await collect(started.source.read(populationPageSize))).toEqual([[1, 2], [3], [4, 5]]);
    expect(log.filter((line) => line.endsWith(`of ${populationPageSize}`))).toHaveLength(1);
    expect(log.at(-1)).toBe("read 1 ended");
    await started.stop();
    expect(log.filter((line) => line.endsWith("ended"))).toHaveLength(1);
  });

  it("reads anew for a second read or another batch size", async () => {
    const log: Log = [];
    const started = startPopulationRead(loggedPopulation(log, [[1], [2]]), 10);
    expect(await collect(started.source.read(20))).toEqual([[1], [2]]);
    expect(await collect(started.source.read(10))).toEqual([[1], [2]]);
    expect(await collect(started.source.read(10))).toEqual([[1], [2]]);
    expect(log.filter((line) => / of \d+$/.test(line))).toEqual(["read 1 of 10", "read 2 of 20", "read 3 of 10"]);
  });

  it("ends the started read when the table stops early", async () => {
    const log: Log = [];
    const started = startPopulationRead(loggedPopulation(log, [[1], [2], [3]]));
    for await (const batch of started.source.read(populationPageSize)) {
      expect(batch).toEqual([1]);
      break;
    }
    expect(log).toEqual([`read 1 of ${populationPageSize}`, "read 1 batch 0", "read 1 ended"]);
  });

  it("ends the started read when nothing took it (the build ended early)", async () => {
    const log: Log = [];
    const started = startPopulationRead(loggedPopulation(log, [[1], [2]]));
    await started.stop();
    expect(log).toEqual([`read 1 of ${populationPageSize}`, "read 1 batch 0", "read 1 ended"]);
    // Once stopped, a read is a new one.
    expect(await collect(started.source.read(populationPageSize))).toEqual([[1], [2]]);
  });

  it("hands a failed start to the table's read, with no unhandled rejection meanwhile", async () => {
    const log: Log = [];
    const failure = new Error("connection refused");
    const started = startPopulationRead(loggedPopulation(log, [[1]], failure));
    await settle();
    await expect(collect(started.source.read(populationPageSize))).rejects.toBe(failure);
    await started.stop();
  });

  it("stops quietly after a failed start nothing took", async () => {
    const started = startPopulationRead(loggedPopulation([], [[1]], new Error("gone")));
    await expect(started.stop()).resolves.toBeUndefined();
  });
});
