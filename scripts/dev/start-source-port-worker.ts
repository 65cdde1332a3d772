// A report thread's entry (artifact or query thread) run from TypeScript
// source, given the database URL and its end of a new MessageChannel: how tests
// and dev scripts start what the server starts from the Next build
// (startReportWorkers). A bare worker cannot load a .ts entry, so it starts through tsx.
import path from "node:path";
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";

const bootstrap = path.join(import.meta.dirname, "tsx-worker.mjs");

/** `entry`: the worker file under lib/compliance/threads. Returns the thread and this side's end of the channel. */
export function startSourcePortWorker(entry: string, databaseUrl: string): { thread: Worker; port: MessagePort } {
  const channel = new MessageChannel();
  const thread = new Worker(bootstrap, {
    argv: [path.resolve(import.meta.dirname, "..", "..", "lib", "compliance", "threads", entry)],
    workerData: { databaseUrl, port: channel.port2 },
    transferList: [channel.port2],
  });
  return { thread, port: channel.port1 };
}
