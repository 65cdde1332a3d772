import { describe, expect, it } from "vitest";
import {
  apiKeyScopes,
  describeActor,
  hasPermission,
  roles,
  type ApiKeyScope,
  type Identity,
  type Permission,
} from "@/lib/auth/identity";

const permissions: Permission[] = ["reports:read", "reports:write", "events:write", "org:admin"];

function session(role: (typeof roles)[number]): Identity {
  return { kind: "session", userId: "u1", email: "a@example.test", name: "A", orgId: "o1", role };
}

function apiKey(scopes: ApiKeyScope[]): Identity {
  return { kind: "api_key", apiKeyId: "k1", orgId: "o1", scopes, label: "CI (att_12345678…)" };
}

describe("hasPermission for people", () => {
  const expected: Record<(typeof roles)[number], Permission[]> = {
    admin: ["reports:read", "reports:write", "events:write", "org:admin"],
    auditor: ["reports:read"],
    member: [],
  };

  for (const role of roles) {
    for (const permission of permissions) {
      const allowed = expected[role].includes(permission);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(hasPermission(session(role), permission)).toBe(allowed);
      });
    }
  }
});

describe("hasPermission for API keys", () => {
  it("grants exactly the key's scopes", () => {
    for (const scope of apiKeyScopes) {
      const identity = apiKey([scope]);
      for (const other of apiKeyScopes) expect(hasPermission(identity, other)).toBe(other === scope);
    }
  });

  it("never grants org:admin, even with every scope", () => {
    expect(hasPermission(apiKey([...apiKeyScopes]), "org:admin")).toBe(false);
  });

  it("grants nothing to a key without scopes", () => {
    for (const permission of permissions) expect(hasPermission(apiKey([]), permission)).toBe(false);
  });
});

describe("describeActor", () => {
  it("names a person by email and a key by its label", () => {
    expect(describeActor(session("admin"))).toEqual({ actorType: "user", actorId: "u1", actorLabel: "a@example.test" });
    expect(describeActor(apiKey(["reports:read"]))).toEqual({
      actorType: "api_key",
      actorId: "k1",
      actorLabel: "CI (att_12345678…)",
    });
  });
});
