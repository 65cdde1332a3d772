// Stops this process's HTTP servers gracefully: no new connections (the
// listening socket closes, so a new client is refused at once and a load
// balancer moves on), idle keep-alive connections closed, requests in flight
// (a download streaming, an ingest batch arriving) given up to `graceMs` to
// finish; whatever is still running then is cut.
import { getHttpActivity } from "@/lib/shutdown/track-http-requests";

export type DrainResult = { drained: boolean; cut: number; waitedMs: number };

export async function drainHttpServers({ graceMs }: { graceMs: number }): Promise<DrainResult> {
  const activity = getHttpActivity();
  const started = Date.now();
  for (const server of activity.servers) {
    server.close();
    // A kept-alive connection could otherwise carry new requests in.
    server.closeIdleConnections();
  }
  const drained = await new Promise<boolean>((resolve) => {
    const finish = (result: boolean) => {
      clearTimeout(timer);
      activity.onRequestDone.delete(onDone);
      resolve(result);
    };
    const onDone = () => {
      // The connection that just answered goes idle: close it rather than wait for the client.
      for (const server of activity.servers) server.closeIdleConnections();
      if (activity.inFlight.size === 0) finish(true);
    };
    const timer = setTimeout(() => finish(false), graceMs);
    activity.onRequestDone.add(onDone);
    onDone();
  });
  const cut = activity.inFlight.size;
  if (!drained) for (const server of activity.servers) server.closeAllConnections();
  return { drained, cut, waitedMs: Date.now() - started };
}
