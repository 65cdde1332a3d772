// Passes the requested dashboard path to server components, so the dashboard
// layout's sign-in redirect can come back to it (?callbackUrl=). Not a security
// boundary: every page and handler checks identity itself.
import { NextResponse, type NextRequest } from "next/server";
import { requestPathHeader } from "@/lib/dashboard/request-path-header";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(requestPathHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/dashboard", "/dashboard/:path*"] };
