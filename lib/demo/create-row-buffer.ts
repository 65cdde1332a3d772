// Collects rows of one table and hands them to the bulk writer in batches, so
// any volume streams through a bounded amount of memory.
import type { RowSink, SqlValue } from "@/lib/demo/open-bulk-writer";

export type RowBuffer<Row extends Record<string, SqlValue>> = {
  /** Returns a promise only when the row completed a batch: await it then (no promise per row). */
  push(row: Row): Promise<void> | undefined;
  /** Writes what is left; returns the number of rows written in total. */
  flush(): Promise<number>;
};

export function createRowBuffer<Row extends Record<string, SqlValue>>(
  writer: RowSink,
  table: string,
  columns: readonly (keyof Row & string)[],
  batchSize = 10_000,
): RowBuffer<Row> {
  let pending: SqlValue[][] = [];
  let written = 0;
  const writePending = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    await writer.insert(table, columns, batch);
    written += batch.length;
  };
  return {
    push(row) {
      const values: SqlValue[] = new Array(columns.length);
      for (let i = 0; i < columns.length; i++) values[i] = row[columns[i] as keyof Row] ?? null;
      pending.push(values);
      return pending.length >= batchSize ? writePending() : undefined;
    },
    async flush() {
      await writePending();
      return written;
    },
  };
}
