// Finds next-auth's session JWT among a request's cookies. next-auth names it
// `__Secure-next-auth.session-token` on https and `next-auth.session-token`
// otherwise, and splits tokens past ~4 KB into `.0`, `.1`, … chunks.

export const sessionCookieNames = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export function readSessionToken(cookies: ReadonlyMap<string, string>): string | null {
  for (const name of sessionCookieNames) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let index = 0; cookies.has(`${name}.${index}`); index += 1) chunks.push(cookies.get(`${name}.${index}`) ?? "");
    if (chunks.length > 0) return chunks.join("");
  }
  return null;
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
