// A signed-in person from next-auth's session cookie. The JWT only says who
// and which org; the role comes from the database on every call, so a removed,
// demoted or disabled user loses access at once rather than when the JWT expires.
import "server-only";
import { decode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { getAuthSecret } from "@/lib/auth/get-auth-secret";
import { isRole, type SessionIdentity } from "@/lib/auth/identity";
import { readSessionToken, usesSecureSessionCookie } from "@/lib/auth/read-session-token";
import { getEnv } from "@/lib/env";

/** `forwardedProto`: the request's x-forwarded-proto, used only when the origin comes from the Host header. */
export async function resolveSessionIdentity(
  cookies: ReadonlyMap<string, string>,
  { forwardedProto }: { forwardedProto?: string | null } = {},
): Promise<SessionIdentity | null> {
  // process.env directly for NEXTAUTH_URL: configureAuthEnvironment fills it in at run time.
  const env = { ...getEnv(), NEXTAUTH_URL: process.env.NEXTAUTH_URL?.trim() || getEnv().NEXTAUTH_URL };
  const token = readSessionToken(cookies, { secure: usesSecureSessionCookie(env, forwardedProto) });
  if (!token) return null;

  let userId: unknown;
  let orgId: unknown;
  try {
    const payload = await decode({ token, secret: getAuthSecret() });
    userId = payload?.sub;
    orgId = payload?.orgId;
  } catch {
    return null; // tampered, expired or minted with another secret
  }
  if (typeof userId !== "string" || typeof orgId !== "string") return null;

  const membership = await db.membership.findUnique({
    where: { orgId_userId: { orgId, userId } },
    select: { role: true, status: true, user: { select: { email: true, name: true, disabledAt: true } } },
  });
  if (!membership || membership.status !== "active" || membership.user.disabledAt || !isRole(membership.role)) {
    return null;
  }
  return {
    kind: "session",
    userId,
    email: membership.user.email,
    name: membership.user.name,
    orgId,
    role: membership.role,
  };
}
