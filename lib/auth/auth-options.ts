// next-auth v4 configuration: email + password sign-in, a JWT session that
// carries the current org, role and the user's orgs, and org switching through
// `update({ orgId })`. The JWT is a convenience for the UI only: handlers and
// pages re-check the membership in the database (lib/api/resolve-identity.ts).
import "server-only";
import type { AuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";
import { getAuthSecret } from "@/lib/auth/get-auth-secret";
import { getClientIp } from "@/lib/auth/get-client-ip";
import { listUserOrganizations } from "@/lib/auth/list-user-organizations";
import { logger } from "@/lib/log/logger";

export const sessionMaxAgeSeconds = 12 * 60 * 60;

export const authOptions: AuthOptions = {
  // A getter: the secret may be generated on first use, never at import (or at build).
  get secret() {
    return getAuthSecret();
  },
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      authorize: (credentials, request) =>
        authorizeCredentials(credentials, { ip: getClientIp(request?.headers as Record<string, string> | undefined) }),
    }),
  ],
  events: {
    async signOut({ token }) {
      if (!token?.sub || !token.orgId) return;
      await recordAuditEvent({
        orgId: token.orgId,
        actorType: "user",
        actorId: token.sub,
        actorLabel: token.email ?? null,
        action: "auth.logout",
        category: "authentication",
        targetType: "user",
        targetId: token.sub,
      }).catch((error: unknown) => logger.warn({ err: error }, "could not audit a sign-out"));
    },
  },
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (trigger === "signIn" && user) {
        return {
          ...token,
          sub: user.id,
          email: user.email,
          name: user.name,
          orgId: user.orgId,
          role: user.role,
          orgs: user.orgs,
        };
      }
      return refreshOrganizations(token, trigger === "update" ? requestedOrgId(session) : undefined);
    },
    session({ session, token }) {
      return {
        expires: session.expires,
        user: { id: token.sub ?? "", email: token.email ?? "", name: token.name ?? "" },
        orgId: token.orgId ?? "",
        role: token.role ?? "member",
        orgs: token.orgs ?? [],
      };
    },
  },
};

function requestedOrgId(update: unknown): string | undefined {
  const orgId = (update as { orgId?: unknown } | null | undefined)?.orgId;
  return typeof orgId === "string" && orgId.length > 0 ? orgId : undefined;
}

/**
 * Re-reads the user's memberships so the session shows current roles; a
 * requested org is switched to only if the database says the user belongs to it.
 */
async function refreshOrganizations(token: JWT, switchTo: string | undefined): Promise<JWT> {
  if (!token.sub) return token;
  const orgs = await listUserOrganizations(token.sub);
  const target = orgs.find((org) => org.id === switchTo) ?? orgs.find((org) => org.id === token.orgId) ?? orgs[0];
  if (target && switchTo !== undefined && switchTo === target.id && switchTo !== token.orgId) {
    await recordAuditEvent({
      orgId: target.id,
      actorType: "user",
      actorId: token.sub,
      actorLabel: token.email ?? null,
      action: "auth.org_switched",
      category: "authentication",
      targetType: "organization",
      targetId: target.id,
      metadata: { fromOrgId: token.orgId ?? null },
    });
  }
  return { ...token, orgs, orgId: target?.id ?? token.orgId, role: target?.role ?? token.role };
}
