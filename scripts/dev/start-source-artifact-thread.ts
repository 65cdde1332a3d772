// A report artifact thread run from TypeScript source, for tests and dev
// scripts (the server's are started from the Next build by startReportWorkers).
// A bare worker cannot load a .ts entry, so it starts through tsx.
import path from "node:path";
import { MessageChannel, Worker } from "node:worker_threads";
import { connectArtifactThread, type ArtifactThreadConnection } from "@/lib/compliance/connect-artifact-thread";
import type { ArtifactThreadData } from "@/lib/compliance/artifact-thread-protocol";

const bootstrap = path.join(import.meta.dirname, "tsx-worker.mjs");
const entry = path.resolve(import.meta.dirname, "..", "..", "lib", "compliance", "artifact-thread-worker.ts");

export function startSourceArtifactThread(databaseUrl: string): {
  connection: ArtifactThreadConnection;
  thread: Worker;
  stop(): Promise<void>;
} {
  const channel = new MessageChannel();
  const thread = new Worker(bootstrap, {
    argv: [entry],
    workerData: { databaseUrl, port: channel.port2 } satisfies ArtifactThreadData,
    transferList: [channel.port2],
  });
  const connection = connectArtifactThread(channel.port1);
  return {
    connection,
    thread,
    async stop() {
      connection.close();
      await thread.terminate();
    },
  };
}
