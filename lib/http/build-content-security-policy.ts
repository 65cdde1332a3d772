// The Content-Security-Policy every response carries. Scripts run only from our
// origin or with this request's nonce (Next stamps it on its own scripts when it
// finds it in the request's CSP header, see proxy.ts); 'strict-dynamic' lets
// those scripts load the chunks they import.

export type ContentSecurityPolicyOptions = {
  /** Fresh, unguessable, per request. */
  nonce: string;
  /** `next dev`: React rebuilds server error stacks with eval, and dev styles are injected inline. */
  isDevelopment: boolean;
  /** Served over https: upgrade any stray http subresource instead of loading it in the clear. */
  isHttps: boolean;
};

export function buildContentSecurityPolicy({ nonce, isDevelopment, isHttps }: ContentSecurityPolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    // <style> elements need the nonce; style attributes (React's style prop, recharts'
    // sizes) cannot run script, and server-rendered ones would otherwise be dropped.
    `style-src 'self' ${isDevelopment ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
