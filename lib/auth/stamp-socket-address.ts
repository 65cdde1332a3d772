// Makes the socket address reach route handlers, which only see headers: every
// request to this process gets its peer's address appended to X-Forwarded-For,
// as a reverse proxy does, before Next reads it (Next itself fills the header
// only when it is missing, so a forged one would otherwise hide the peer).
// getClientIp then treats the last hop as the socket address.
import http from "node:http";
import https from "node:https";
import type { IncomingMessage } from "node:http";

const installed = Symbol.for("attest.stampSocketAddress");

export function appendSocketAddress(request: IncomingMessage): void {
  const peer = request.socket?.remoteAddress;
  if (!peer) return;
  const prior = request.headers["x-forwarded-for"];
  const chain = (Array.isArray(prior) ? prior.join(", ") : (prior ?? "")).trim();
  request.headers["x-forwarded-for"] = chain ? `${chain}, ${peer}` : peer;
}

/** Patches the http and https servers of this process once; later calls do nothing. */
export function stampSocketAddress(): void {
  for (const Server of [http.Server, https.Server]) {
    const prototype = Server.prototype as unknown as Record<symbol, unknown> & {
      emit: (event: string | symbol, ...args: unknown[]) => boolean;
    };
    if (Object.prototype.hasOwnProperty.call(prototype, installed)) continue;
    const emit = prototype.emit;
    prototype[installed] = true;
    prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") appendSocketAddress(args[0] as IncomingMessage);
      return emit.call(this, event, ...args);
    };
  }
}
