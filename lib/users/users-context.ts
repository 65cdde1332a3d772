import type { Identity } from "@/lib/auth/identity";

/** Who asks, for which org (always the caller's own), from which IP (for audit events). */
export type UsersContext = { orgId: string; actor: Identity; ip?: string | null };
