// proxy.ts puts the security headers on every response (pages, API answers,
// static files) and hands Next the per-request nonce through the request's CSP
// header, as Next's nonce support reads it.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildContentSecurityPolicy } from "@/lib/http/build-content-security-policy";
import { nonceHeader } from "@/lib/http/nonce-header";
import { proxy } from "@/proxy";

afterEach(() => vi.unstubAllEnvs());

const paths = ["/dashboard", "/login", "/api/health", "/api/engine/compliance/reports/r1/download", "/robots.txt"];

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
    const proxied = proxy(new NextRequest("http://10.0.0.5:3000/api/health"));
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
