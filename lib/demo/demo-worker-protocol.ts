// Messages between the seed's main thread (which owns the database
// connection) and the worker that generates the rows.
import type { DatabaseProvider } from "@/lib/db/database-url";
import type { DemoCounts, DemoGenerationInput } from "@/lib/demo/generate-demo-data";
import type { EncodedRows } from "@/lib/demo/open-bulk-writer";

export type DemoWorkerData = DemoGenerationInput & { provider: DatabaseProvider };

export type DemoWorkerMessage =
  | { type: "rows"; table: string; columns: readonly string[]; encoded: EncodedRows }
  | { type: "step"; step: string; rows: number }
  | { type: "done"; counts: DemoCounts }
  | { type: "error"; message: string; stack?: string };

/** Main → worker: one batch was written. */
export type DemoWorkerAck = { type: "written" };

/** Batches the worker may have outstanding before it waits for the database. */
export const DEMO_WORKER_MAX_IN_FLIGHT = 3;
