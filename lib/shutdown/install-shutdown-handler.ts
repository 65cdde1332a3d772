// What SIGTERM (and SIGINT) do to a server process: stop accepting requests and
// let those in flight finish for up to SHUTDOWN_GRACE_SECONDS, while the report
// workers hand their reports back to pending; then exit. The two run side by
// side, so the process is gone within the longer of the two bounds. Next's own
// handler (which exits at once) is off: scripts/start.mjs sets NEXT_MANUAL_SIG_HANDLE.
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { drainHttpServers } from "@/lib/shutdown/drain-http-servers";

const installed = Symbol.for("attest.shutdownHandler");
const globalForShutdown = globalThis as unknown as Record<symbol, boolean | undefined>;

export function installShutdownHandler({
  stopWorkers,
  exit = (code: number) => process.exit(code),
}: {
  stopWorkers: () => Promise<void>;
  exit?: (code: number) => void;
}): void {
  if (globalForShutdown[installed]) return;
  globalForShutdown[installed] = true;
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const graceMs = getEnv().SHUTDOWN_GRACE_SECONDS * 1000;
    logger.info(
      { signal, graceMs },
      "shutting down: no new requests, draining those in flight, stopping report workers",
    );
    const draining = drainHttpServers({ graceMs }).then((result) => {
      const log = result.drained ? logger.info.bind(logger) : logger.warn.bind(logger);
      log(result, result.drained ? "requests drained" : "shutdown grace over: requests cut");
    });
    void Promise.allSettled([draining, stopWorkers()]).finally(() => exit(0));
  };
  // once: a second Ctrl-C (or SIGTERM) falls to Node's default and ends the process at once.
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
