// The next-auth route handler (/api/auth/*), with NEXTAUTH_URL and the secret
// filled in first so next-auth's own env reads agree with ours.
import "server-only";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { configureAuthEnvironment } from "@/lib/auth/configure-auth-environment";

type AuthRouteContext = { params: Promise<{ nextauth: string[] }> };

let handler: ((request: Request, context: AuthRouteContext) => Promise<Response>) | undefined;

export async function handleAuthRequest(request: Request, context: AuthRouteContext): Promise<Response> {
  if (!handler) {
    configureAuthEnvironment();
    handler = NextAuth(authOptions);
  }
  return handler!(request, context);
}
