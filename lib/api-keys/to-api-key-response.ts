// The public shape of an API key: never the hash, never the secret.
import { isApiKeyScope, type ApiKeyScope } from "@/lib/auth/identity";

export const apiKeySelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdById: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  revokedById: true,
} as const;

type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string;
  createdById: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  revokedById: string | null;
};

/** A person named on a key (who created or revoked it); null for a program or a deleted user. */
export type ApiKeyPerson = { id: string; email: string } | null;

export type ApiKeyStatus = "active" | "expired" | "revoked";

export type ApiKeyResponse = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdById: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  /** When the key stops working; null: it does not expire. */
  expiresAt: string | null;
  revokedAt: string | null;
  createdBy: ApiKeyPerson;
  revokedBy: ApiKeyPerson;
  status: ApiKeyStatus;
};

export function parseScopes(stored: string): ApiKeyScope[] {
  return stored.split(/\s+/).filter(isApiKeyScope);
}

/** `people` holds the users the rows name (by id); the list looks them up in one query. */
export function toApiKeyResponse(
  row: ApiKeyRow,
  people: ReadonlyMap<string, { id: string; email: string }> = new Map(),
  now: Date = new Date(),
): ApiKeyResponse {
  const person = (id: string | null): ApiKeyPerson => (id ? (people.get(id) ?? null) : null);
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: parseScopes(row.scopes),
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdBy: person(row.createdById),
    revokedBy: person(row.revokedById),
    status: row.revokedAt ? "revoked" : isExpired(row.expiresAt, now) ? "expired" : "active",
  };
}

/** An expired key answers like an unknown one (resolve-api-key-identity.ts). */
export function isExpired(expiresAt: Date | null, now: Date = new Date()): boolean {
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}
