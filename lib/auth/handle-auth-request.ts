// The next-auth route handler (/api/auth/*), with NEXTAUTH_URL and the secret
// filled in first so next-auth's own env reads agree with ours. Bodies are read
// here first: next-auth would read any size and answer malformed JSON with a 500.
// Its POSTs (sign-in, sign-out, session update) also pass the same-origin check
// of every other cookie-carrying write, on top of next-auth's own CSRF token;
// their urlencoded bodies are next-auth's to parse.
import "server-only";
import { randomUUID } from "node:crypto";
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { assertSameOrigin } from "@/lib/api/assert-same-origin";
import { readBodyText } from "@/lib/api/read-json-body";
import { toErrorResponse } from "@/lib/api/to-error-response";
import { authOptions } from "@/lib/auth/auth-options";
import { configureAuthEnvironment } from "@/lib/auth/configure-auth-environment";
import { AppError } from "@/lib/errors/app-error";

type AuthRouteContext = { params: Promise<{ nextauth: string[] }> };

/** Sign-in forms, CSRF tokens and session updates are a few hundred bytes. */
export const maxAuthBodyBytes = 8 * 1024;

let handler: ((request: NextRequest, context: AuthRouteContext) => Promise<Response>) | undefined;

export async function handleAuthRequest(request: Request, context: AuthRouteContext): Promise<Response> {
  let bounded: NextRequest;
  try {
    assertSameOrigin(request);
    bounded = await boundAuthRequestBody(request);
  } catch (error) {
    return toErrorResponse(error, request.headers.get("x-request-id") ?? randomUUID());
  }
  if (!handler) {
    configureAuthEnvironment();
    handler = NextAuth(authOptions);
  }
  return handler!(bounded, context);
}

/**
 * The request with its body read under the cap (413 past it) and JSON bodies
 * checked (400 when malformed); next-auth gets the buffered copy.
 */
export async function boundAuthRequestBody(request: Request): Promise<NextRequest> {
  if (!request.body) return request instanceof NextRequest ? request : new NextRequest(request);
  const text = await readBodyText(request, maxAuthBodyBytes);
  if (request.headers.get("content-type")?.includes("application/json")) {
    try {
      JSON.parse(text);
    } catch {
      throw new AppError("bad_request", "The request body is not valid JSON");
    }
  }
  const headers = new Headers(request.headers);
  // The decoded text may differ in length from the bytes sent (invalid UTF-8).
  headers.delete("content-length");
  return new NextRequest(request.url, { method: request.method, headers, body: text });
}
