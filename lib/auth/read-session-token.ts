// Finds next-auth's session JWT among a request's cookies. next-auth names it
// `__Secure-next-auth.session-token` on https and `next-auth.session-token`
// otherwise, and splits tokens past ~4 KB into `.0`, `.1`, … chunks. Only the
// name next-auth itself would set for this scheme is read: on https a plain
// cookie could have been planted over http (or by a sibling subdomain), which a
// `__Secure-` one cannot.

export const sessionCookieNames = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/**
 * Whether sessions use the `__Secure-` cookie, by next-auth's own rule: the
 * scheme of NEXTAUTH_URL, else (AUTH_TRUST_HOST or VERCEL) the request's
 * forwarded protocol, where anything but "http" counts as https.
 */
export function usesSecureSessionCookie(
  env: { NEXTAUTH_URL?: string; AUTH_TRUST_HOST?: string; VERCEL?: string },
  forwardedProto?: string | null,
): boolean {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL.startsWith("https://");
  if (env.VERCEL || env.AUTH_TRUST_HOST) return forwardedProto?.split(",")[0]?.trim() !== "http";
  return false;
}

export function readSessionToken(cookies: ReadonlyMap<string, string>, { secure }: { secure: boolean }): string | null {
  const name = secure ? sessionCookieNames[0] : sessionCookieNames[1];
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let index = 0; cookies.has(`${name}.${index}`); index += 1) chunks.push(cookies.get(`${name}.${index}`) ?? "");
  return chunks.length > 0 ? chunks.join("") : null;
}

/** Parses a `Cookie` request header; a malformed pair is skipped, never fatal. */
export function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const pair of header.split(";")) {
    const separator = pair.indexOf("=");
    const name = pair.slice(0, Math.max(separator, 0)).trim();
    if (separator < 0 || !name) continue;
    let value = pair.slice(separator + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      continue;
    }
    if (!cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}
