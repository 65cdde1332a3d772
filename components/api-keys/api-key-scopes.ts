// What each API key scope lets a program do, in the words the create form shows.
import type { ApiKeyScope } from "@/lib/auth/identity";

export const apiKeyScopeOptions: readonly { scope: ApiKeyScope; description: string }[] = [
  { scope: "reports:read", description: "List reports, read their status and download them" },
  { scope: "reports:write", description: "Generate SOC2, GDPR and audit reports" },
  { scope: "events:write", description: "Push activity records into Attest" },
];
