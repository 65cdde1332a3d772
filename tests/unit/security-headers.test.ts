// proxy.ts puts the security headers on every response but the API's (pages,
// sign-in, static files) and hands Next the per-request nonce through the
// request's CSP header, as Next's nonce support reads it; the API wrappers put
// them on API answers, with a policy under which nothing loads or runs.
import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withPublicRoute, withRoute } from "@/lib/api/with-route";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { buildContentSecurityPolicy } from "@/lib/http/build-content-security-policy";
import { nonceHeader } from "@/lib/http/nonce-header";
import { apiContentSecurityPolicy, setApiSecurityHeaders } from "@/lib/http/set-api-security-headers";
import { config, proxy } from "@/proxy";

afterEach(() => vi.unstubAllEnvs());

const paths = ["/dashboard", "/login", "/api/auth/signin", "/robots.txt"];

/** Whether Next runs proxy.ts for `path`, by Next's own matcher. */
function proxyRunsFor(path: string): boolean {
  return unstable_doesMiddlewareMatch({ config, url: path });
}

describe("which requests pass through proxy.ts", () => {
  it.each(["/", "/login", "/dashboard/compliance", "/share/abc", "/docs/api", "/robots.txt", "/_next/static/x.js"])(
    "%s does",
    (path) => expect(proxyRunsFor(path)).toBe(true),
  );
  it.each(["/api/auth/signin", "/api/auth/callback/credentials"])("%s does", (path) =>
    expect(proxyRunsFor(path)).toBe(true),
  );
  it.each([
    "/api/health",
    "/api/engine/compliance/reports",
    "/api/engine/ingest/emails",
    "/api/authority",
    "/compliance/reports",
  ])("%s does not (the API wrappers set its headers)", (path) => expect(proxyRunsFor(path)).toBe(false));
});

function expectApiHeaders(response: Response, { https }: { https: boolean }) {
  expect(response.headers.get("content-security-policy")).toBe(apiContentSecurityPolicy);
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("permissions-policy")).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  expect(response.headers.get("strict-transport-security")).toBe(https ? "max-age=63072000; includeSubDomains" : null);
}

describe("API answers", () => {
  it("the policy lets nothing load, run or frame the answer", () => {
    expect(apiContentSecurityPolicy).toContain("default-src 'none'");
    expect(apiContentSecurityPolicy).toContain("frame-ancestors 'none'");
  });

  it("a public route's answer and its error carry the headers", async () => {
    const ok = withPublicRoute(async () => Response.json({ ok: true }));
    expectApiHeaders(await ok(new Request("http://localhost/api/health"), { params: Promise.resolve({}) }), {
      https: false,
    });
    const failing = withPublicRoute(async () => {
      throw new Error("boom");
    });
    const error = await failing(new Request("http://localhost/api/health"), { params: Promise.resolve({}) });
    expect(error.status).toBe(500);
    expectApiHeaders(error, { https: false });
  });

  it("a signed-in route's 401 and a wrong method's 405 carry the headers", async () => {
    const guarded = withRoute({ permission: "reports:read" }, async () => Response.json({ ok: true }));
    const unauthorized = await guarded(new Request("http://localhost/api/engine/compliance/reports"), {
      params: Promise.resolve({}),
    });
    expect(unauthorized.status).toBe(401);
    expectApiHeaders(unauthorized, { https: false });
    const { POST } = rejectOtherMethods(["GET"]);
    const wrongMethod = await POST(new Request("http://localhost/api/health", { method: "POST" }));
    expect(wrongMethod.status).toBe(405);
    expectApiHeaders(wrongMethod, { https: false });
  });

  it("adds HSTS when served over https, directly or behind a TLS-terminating proxy", () => {
    expectApiHeaders(setApiSecurityHeaders(new Response("{}"), new Request("https://attest.example/api/health")), {
      https: true,
    });
    vi.stubEnv("NEXTAUTH_URL", "https://attest.example");
    expectApiHeaders(setApiSecurityHeaders(new Response("{}"), new Request("http://10.0.0.5:3000/api/health")), {
      https: true,
    });
  });
});

describe("proxy security headers", () => {
  it.each(paths)("%s gets CSP, nosniff, Referrer-Policy and Permissions-Policy, and no HSTS over http", (path) => {
    const response = proxy(new NextRequest(`http://localhost${path}`));
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'(;|$)/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("permissions-policy")).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("passes the same nonce to Next in the request's CSP header, fresh for each request", () => {
    const nonces = new Set<string>();
    for (let index = 0; index < 20; index += 1) {
      const response = proxy(new NextRequest("http://localhost/dashboard"));
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
      expect(nonce).toBeDefined();
      // NextResponse.next({ request: { headers } }) forwards overridden request headers this way.
      expect(response.headers.get(`x-middleware-request-${nonceHeader}`)).toBe(nonce);
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(
        response.headers.get("content-security-policy"),
      );
      nonces.add(nonce!);
    }
    expect(nonces.size).toBe(20);
  });

  it("adds HSTS and upgrade-insecure-requests when served over https", () => {
    const direct = proxy(new NextRequest("https://attest.example/dashboard"));
    expect(direct.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(direct.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");

    // Behind a TLS-terminating proxy the request is http, the public URL says https.
    vi.stubEnv("NEXTAUTH_URL", "https://attest.example");
    const proxied = proxy(new NextRequest("http://10.0.0.5:3000/dashboard"));
    expect(proxied.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("ignores a forged X-Forwarded-Proto unless the Host header is trusted", () => {
    const forged = proxy(new NextRequest("http://localhost/dashboard", { headers: { "x-forwarded-proto": "https" } }));
    expect(forged.headers.get("strict-transport-security")).toBeNull();
    vi.stubEnv("AUTH_TRUST_HOST", "true");
    const trusted = proxy(new NextRequest("http://localhost/dashboard", { headers: { "x-forwarded-proto": "https" } }));
    expect(trusted.headers.get("strict-transport-security")).not.toBeNull();
  });
});

describe("buildContentSecurityPolicy", () => {
  it("allows eval and inline styles only in development (React's dev tooling needs them)", () => {
    const production = buildContentSecurityPolicy({ nonce: "abc", isDevelopment: false, isHttps: false });
    expect(production).not.toContain("'unsafe-eval'");
    expect(production).toContain("style-src 'self' 'nonce-abc'");
    const development = buildContentSecurityPolicy({ nonce: "abc", isDevelopment: true, isHttps: false });
    expect(development).toContain("'unsafe-eval'");
  });
});
