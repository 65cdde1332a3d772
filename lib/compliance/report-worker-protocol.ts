// What the main thread and a report worker thread exchange: the start data
// (including the SharedArrayBuffer stop flag) and the worker's messages.
export type ReportWorkerData = {
  databaseUrl: string;
  /** Int32Array view: [0] = stop flag (1 = stop). */
  control: SharedArrayBuffer;
  leaseSeconds: number;
  pollMs: number;
};

export type ReportWorkerMessage = { type: "job"; reportId: string; outcome: string } | { type: "stopped" };

/** The main thread posts this to wake idle workers (a report was queued, or stop). */
export const wakeMessage = "wake";
