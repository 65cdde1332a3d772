/** Set by proxy.ts on every request: the requested path + query, for sign-in redirects. */
export const requestPathHeader = "x-attest-request-path";
