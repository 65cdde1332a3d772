// The caller's IP for audit events: the first x-forwarded-for hop (Next's
// server sets it from the socket when no proxy did), else x-real-ip.

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export function getClientIp(headers: HeaderSource | undefined): string | null {
  if (!headers) return null;
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const forwarded = read("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || read("x-real-ip")?.trim();
  // An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d.
  return ip ? ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").slice(0, 64) : null;
}
