// Who is calling: a signed-in person (session) or a program (API key).
// Every tenant query takes `orgId` from here, never from the request body.

export const roles = ["admin", "auditor", "member"] as const;
export type Role = (typeof roles)[number];

export const apiKeyScopes = ["reports:read", "reports:write", "events:write"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export function isRole(value: unknown): value is Role {
  return (roles as readonly unknown[]).includes(value);
}

export function isApiKeyScope(value: unknown): value is ApiKeyScope {
  return (apiKeyScopes as readonly unknown[]).includes(value);
}

/**
 * What a handler may require. `org:admin` covers settings such as API keys and
 * membership changes; `org:members` reading the org's members (people only:
 * no API key scope grants it).
 */
export type Permission = ApiKeyScope | "org:admin" | "org:members";

export type SessionIdentity = {
  kind: "session";
  userId: string;
  email: string;
  name: string;
  orgId: string;
  role: Role;
};

export type ApiKeyIdentity = {
  kind: "api_key";
  apiKeyId: string;
  orgId: string;
  scopes: ApiKeyScope[];
  /** Shown in audit trails and report authorship, e.g. "CI exporter (att_3f9a…)" */
  label: string;
};

export type Identity = SessionIdentity | ApiKeyIdentity;

/**
 * Someone holding a share link: may read one report of the org and nothing
 * else. Never a route's identity (withRoute and hasPermission know nothing of it).
 */
export type ShareLinkReader = {
  kind: "share_link";
  shareLinkId: string;
  orgId: string;
  reportId: string;
  /** Shown in audit trails, e.g. `Share link "For Deloitte" (created by admin@acme.test)` */
  label: string;
  userAgent: string | null;
};

/** Who may read a report's stored files: a signed-in person, a key, or a share link. */
export type Reader = Identity | ShareLinkReader;

const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: ["reports:read", "reports:write", "events:write", "org:admin", "org:members"],
  auditor: ["reports:read", "org:members"],
  member: [],
};

/** What a person with `role` may do (the nav asks this to hide what the pages would refuse). */
export function roleHasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

export function hasPermission(identity: Identity, permission: Permission): boolean {
  if (identity.kind === "session") return roleHasPermission(identity.role, permission);
  return (identity.scopes as readonly Permission[]).includes(permission);
}

/** The actor fields audit events and reports record for this identity. */
export function describeActor(identity: Identity): {
  actorType: "user" | "api_key";
  actorId: string;
  actorLabel: string;
};
export function describeActor(identity: Reader): {
  actorType: "user" | "api_key" | "share_link";
  actorId: string;
  actorLabel: string;
};
export function describeActor(identity: Reader): {
  actorType: "user" | "api_key" | "share_link";
  actorId: string;
  actorLabel: string;
} {
  switch (identity.kind) {
    case "session":
      return { actorType: "user", actorId: identity.userId, actorLabel: identity.email };
    case "api_key":
      return { actorType: "api_key", actorId: identity.apiKeyId, actorLabel: identity.label };
    case "share_link":
      return { actorType: "share_link", actorId: identity.shareLinkId, actorLabel: identity.label };
  }
}
