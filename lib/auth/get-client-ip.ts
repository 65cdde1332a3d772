// The caller's IP for audit events and sign-in throttling. X-Forwarded-For is
// anyone's to write, so only hops added by proxies we trust (TRUST_PROXY) are
// believed. Next's server writes the socket address into x-forwarded-for only
// when the request has none, so stampSocketAddress (installed at server start)
// appends the socket address as the last hop of every request: that hop is the
// one a client cannot forge.
import { getEnv } from "@/lib/env";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** TRUST_PROXY parsed: how many proxy hops, or which proxy addresses, to believe. */
export type TrustProxy = { hops: number } | { addresses: readonly string[] };

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? "";
  if (text === "") return { hops: 0 };
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  return { addresses: text.split(",").map((address) => normalizeIp(address.trim())) };
}

// An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d.
function normalizeIp(ip: string): string {
  return ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").slice(0, 64);
}

export function getClientIp(
  headers: HeaderSource | undefined,
  trustProxy: TrustProxy = parseTrustProxy(getEnv().TRUST_PROXY),
): string | null {
  if (!headers) return null;
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  };
  const hops = (read("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => normalizeIp(hop.trim()))
    .filter((hop) => hop !== "");
  if (hops.length === 0) {
    // x-real-ip is a proxy's header too: believed only when a proxy is trusted.
    const realIp = read("x-real-ip")?.trim();
    const trustsSomeProxy = "hops" in trustProxy ? trustProxy.hops > 0 : trustProxy.addresses.length > 0;
    return trustsSomeProxy && realIp ? normalizeIp(realIp) : null;
  }
  // Walk from the socket end towards the client, past every trusted proxy.
  let index = hops.length - 1;
  if ("hops" in trustProxy) index = Math.max(0, index - trustProxy.hops);
  else while (index > 0 && trustProxy.addresses.includes(hops[index]!)) index -= 1;
  return hops[index] ?? null;
}
