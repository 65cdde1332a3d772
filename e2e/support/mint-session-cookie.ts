// A next-auth session cookie for a fixture user, encrypted with the e2e
// server's NEXTAUTH_SECRET exactly as a sign-in through the form would write it
// (on http the cookie is `next-auth.session-token`). The server re-reads the
// user's orgs and role from the database on every request, so the token holds
// only who the user is and which org they act in.
import { encode } from "next-auth/jwt";

// Longer than any test; the server's own sessions last longer still.
const maxAgeSeconds = 60 * 60;

export type SessionCookie = { name: string; value: string; httpOnly: true; sameSite: "Lax" };

export async function mintSessionCookie(
  user: { id: string; email: string; name: string },
  orgId: string,
  secret: string,
): Promise<SessionCookie> {
  const value = await encode({
    token: { sub: user.id, email: user.email, name: user.name, orgId },
    secret,
    maxAge: maxAgeSeconds,
  });
  return { name: "next-auth.session-token", value, httpOnly: true, sameSite: "Lax" };
}
