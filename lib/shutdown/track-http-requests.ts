// Knows this process's HTTP servers and the requests they are serving, so a
// shutdown can stop accepting and wait for the requests in flight. Next owns
// the servers and does not hand them out, so, as lib/auth/stamp-socket-address.ts
// does, this watches their events: a server is known from its first connection.
import http from "node:http";
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";

export type HttpActivity = {
  servers: Set<http.Server>;
  inFlight: Set<ServerResponse>;
  /** Called whenever a request finishes (answered in full, or its connection closed). */
  onRequestDone: Set<() => void>;
};

const installed = Symbol.for("attest.trackHttpRequests");
const activityKey = Symbol.for("attest.httpActivity");
const globalForActivity = globalThis as unknown as Record<symbol, HttpActivity | undefined>;

/** The one registry of this process (shared by every bundle that imports this module). */
export function getHttpActivity(): HttpActivity {
  globalForActivity[activityKey] ??= { servers: new Set(), inFlight: new Set(), onRequestDone: new Set() };
  return globalForActivity[activityKey];
}

/** Patches the http and https servers of this process once; later calls do nothing. */
export function trackHttpRequests(): void {
  const activity = getHttpActivity();
  for (const Server of [http.Server, https.Server]) {
    const prototype = Server.prototype as unknown as Record<symbol, unknown> & {
      emit: (event: string | symbol, ...args: unknown[]) => boolean;
    };
    if (Object.prototype.hasOwnProperty.call(prototype, installed)) continue;
    const emit = prototype.emit;
    prototype[installed] = true;
    prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "connection" || event === "request") activity.servers.add(this);
      if (event === "request") watchResponse(activity, args[0] as IncomingMessage, args[1] as ServerResponse);
      return emit.call(this, event, ...args);
    };
  }
}

function watchResponse(activity: HttpActivity, _request: IncomingMessage, response: ServerResponse): void {
  activity.inFlight.add(response);
  // `close` follows both a complete answer and a connection cut short.
  response.once("close", () => {
    activity.inFlight.delete(response);
    for (const listener of activity.onRequestDone) listener();
  });
}
