// Actions only Attest itself writes (sign-ins, key changes, report exports,
// signing). Ingest may not use them, so an event in these namespaces can
// never be one pushed in from outside dressed as Attest's own.
export const reservedActionNamespaces = ["auth.", "api_key.", "compliance.", "signing.", "share_link."] as const;

/** The reserved namespace an action falls in, or null. */
export function reservedNamespaceOf(action: string): string | null {
  return reservedActionNamespaces.find((namespace) => action.startsWith(namespace)) ?? null;
}
