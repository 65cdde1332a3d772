// Where to go after signing in: only a path on this site, so a crafted
// ?callbackUrl=https://evil.example cannot turn the login page into an open redirect.

/** Each role's own start page (app/dashboard/landing). */
export const defaultCallbackUrl = "/dashboard/landing";

export function safeCallbackUrl(value: string | string[] | null | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate) return defaultCallbackUrl;
  // Absolute URLs on this origin arrive from next-auth; keep only their path.
  let path = candidate;
  if (/^https?:\/\//i.test(candidate)) {
    try {
      const url = new URL(candidate);
      path = `${url.pathname}${url.search}${url.hash}`;
    } catch {
      return defaultCallbackUrl;
    }
  }
  // "//host" and "/\host" are protocol-relative in browsers; backslashes and control characters are never needed.
  if (!path.startsWith("/") || path.startsWith("//") || /[\\\u0000-\u001f]/.test(path)) return defaultCallbackUrl;
  if (path === "/login" || path.startsWith("/login?") || path.startsWith("/api/")) return defaultCallbackUrl;
  return path;
}
