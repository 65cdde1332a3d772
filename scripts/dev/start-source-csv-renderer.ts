// A CSV render thread run from TypeScript source, for tests and dev scripts
// (the server's are started from the Next build by startReportWorkers). A bare
// worker cannot load a .ts entry, so it starts through tsx.
import path from "node:path";
import { MessageChannel, Worker } from "node:worker_threads";
import { connectCsvRenderer, type CsvRenderConnection } from "@/lib/compliance/connect-csv-renderer";
import type { CsvRenderThreadData } from "@/lib/compliance/csv-render-protocol";

const bootstrap = path.join(import.meta.dirname, "tsx-worker.mjs");
const entry = path.resolve(import.meta.dirname, "..", "..", "lib", "compliance", "csv-render-worker.ts");

export function startSourceCsvRenderer(databaseUrl: string): {
  connection: CsvRenderConnection;
  thread: Worker;
  stop(): Promise<void>;
} {
  const channel = new MessageChannel();
  const thread = new Worker(bootstrap, {
    argv: [entry],
    workerData: { databaseUrl, port: channel.port2 } satisfies CsvRenderThreadData,
    transferList: [channel.port2],
  });
  const connection = connectCsvRenderer(channel.port1);
  return {
    connection,
    thread,
    async stop() {
      connection.close();
      await thread.terminate();
    },
  };
}
