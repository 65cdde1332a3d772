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
  revokedAt: true,
} as const;

type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string;
  createdById: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export type ApiKeyResponse = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdById: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function parseScopes(stored: string): ApiKeyScope[] {
  return stored.split(/\s+/).filter(isApiKeyScope);
}

export function toApiKeyResponse(row: ApiKeyRow): ApiKeyResponse {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: parseScopes(row.scopes),
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
