/** Set by proxy.ts on dashboard requests: the requested path + query, for sign-in redirects. */
export const requestPathHeader = "x-attest-request-path";
