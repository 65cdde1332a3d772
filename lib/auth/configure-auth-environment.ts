// next-auth v4 reads NEXTAUTH_URL and NEXTAUTH_SECRET from process.env in places
// that do not see our options (origin detection, getToken). Filling them in once
// keeps the route handler, server components and resolveIdentity on one secret.
import "server-only";
import { getAuthSecret } from "@/lib/auth/get-auth-secret";
import { getEnv } from "@/lib/env";

export function configureAuthEnvironment(): void {
  process.env.NEXTAUTH_SECRET = getAuthSecret();
  // Behind a proxy, NEXTAUTH_URL (or AUTH_TRUST_HOST) says where the app lives;
  // locally the app is on localhost at PORT. https there also makes cookies __Secure-.
  const env = getEnv();
  if (!env.NEXTAUTH_URL && !env.AUTH_TRUST_HOST && !env.VERCEL) {
    process.env.NEXTAUTH_URL = `http://localhost:${env.PORT}`;
  }
}
