// A report artifact thread run from TypeScript source, for tests and dev scripts.
import type { Worker } from "node:worker_threads";
import { connectArtifactThread, type ArtifactThreadConnection } from "@/lib/compliance/threads/connect-artifact-thread";
import { startSourcePortWorker } from "./start-source-port-worker";

export function startSourceArtifactThread(databaseUrl: string): {
  connection: ArtifactThreadConnection;
  thread: Worker;
  stop(): Promise<void>;
} {
  const { thread, port } = startSourcePortWorker("artifact-thread-worker.ts", databaseUrl);
  const connection = connectArtifactThread(port);
  return {
    connection,
    thread,
    async stop() {
      connection.close();
      await thread.terminate();
    },
  };
}
