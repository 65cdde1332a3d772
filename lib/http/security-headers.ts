// The headers every response carries besides its Content-Security-Policy.

/** Two years, subdomains included: the value browsers' preload lists ask for. */
export const strictTransportSecurity = "max-age=63072000; includeSubDomains";

export function securityHeaders({ isHttps }: { isHttps: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Nothing in Attest uses these; a page injected into ours cannot either.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    // Older browsers that ignore frame-ancestors.
    "X-Frame-Options": "DENY",
    // HSTS over plain http is ignored by browsers and would only mislead; sent once the scheme is https.
    ...(isHttps ? { "Strict-Transport-Security": strictTransportSecurity } : {}),
  };
}
