/** Set by proxy.ts on every request: this request's CSP nonce, for a server component that renders its own script. */
export const nonceHeader = "x-nonce";
