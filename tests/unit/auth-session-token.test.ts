import { describe, expect, it } from "vitest";
import { getClientIp, parseTrustProxy } from "@/lib/auth/get-client-ip";
import { appendSocketAddress } from "@/lib/auth/stamp-socket-address";
import { parseCookieHeader, readSessionToken, usesSecureSessionCookie } from "@/lib/auth/read-session-token";

describe("parseCookieHeader", () => {
  it("reads pairs, decodes values and skips junk", () => {
    const cookies = parseCookieHeader('a=1; b="two"; junk; c=%E2%9C%93; =x; d=%E0%A4%A');
    expect(Object.fromEntries(cookies)).toEqual({ a: "1", b: "two", c: "✓" });
  });

  it("handles a missing header", () => {
    expect(parseCookieHeader(null).size).toBe(0);
  });
});

describe("readSessionToken", () => {
  it("finds the plain and the __Secure- cookie", () => {
    expect(readSessionToken(new Map([["next-auth.session-token", "plain"]]), { secure: false })).toBe("plain");
    expect(readSessionToken(new Map([["__Secure-next-auth.session-token", "secure"]]), { secure: true })).toBe(
      "secure",
    );
  });

  it("reads only the cookie that matches the scheme", () => {
    const both = new Map([
      ["next-auth.session-token", "plain"],
      ["__Secure-next-auth.session-token", "secure"],
    ]);
    expect(readSessionToken(new Map([["next-auth.session-token", "plain"]]), { secure: true })).toBeNull();
    expect(readSessionToken(new Map([["next-auth.session-token.0", "pl"]]), { secure: true })).toBeNull();
    expect(readSessionToken(new Map([["__Secure-next-auth.session-token", "secure"]]), { secure: false })).toBeNull();
    expect(readSessionToken(both, { secure: true })).toBe("secure");
    expect(readSessionToken(both, { secure: false })).toBe("plain");
  });

  it("decides the scheme as next-auth does", () => {
    expect(usesSecureSessionCookie({ NEXTAUTH_URL: "https://attest.example.com" })).toBe(true);
    expect(usesSecureSessionCookie({ NEXTAUTH_URL: "http://localhost:3000" }, "https")).toBe(false);
    expect(usesSecureSessionCookie({ AUTH_TRUST_HOST: "1" }, "https")).toBe(true);
    expect(usesSecureSessionCookie({ AUTH_TRUST_HOST: "1" }, "http")).toBe(false);
    expect(usesSecureSessionCookie({})).toBe(false);
  });

  it("joins chunked tokens in order", () => {
    const cookies = new Map([
      ["next-auth.session-token.1", "BBB"],
      ["next-auth.session-token.0", "AAA"],
      ["next-auth.session-token.2", "CCC"],
    ]);
    expect(readSessionToken(cookies, { secure: false })).toBe("AAABBBCCC");
  });

  it("ignores other cookies", () => {
    expect(readSessionToken(new Map([["next-auth.csrf-token", "x"]]), { secure: false })).toBeNull();
  });
});

describe("getClientIp", () => {
  it("takes the first forwarded hop, unwraps IPv4-mapped addresses, falls back to x-real-ip", () => {
    expect(getClientIp(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }), { hops: 1 })).toBe("203.0.113.9");
    expect(getClientIp({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(getClientIp({ "x-forwarded-for": "2001:db8::1" })).toBe("2001:db8::1");
    expect(getClientIp({ "x-real-ip": "198.51.100.2" }, { hops: 1 })).toBe("198.51.100.2");
    expect(getClientIp({})).toBeNull();
    expect(getClientIp(undefined)).toBeNull();
  });
});

describe("getClientIp with TRUST_PROXY", () => {
  const forged = { "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.1" };

  it("trusts no forwarded hop by default: the last hop is the socket address the server appended", () => {
    expect(getClientIp(forged, parseTrustProxy(undefined))).toBe("10.0.0.1");
    expect(getClientIp({ "x-real-ip": "6.6.6.6" }, parseTrustProxy(""))).toBeNull();
  });

  it("skips the given number of proxy hops, never past the first", () => {
    expect(getClientIp(forged, parseTrustProxy("1"))).toBe("203.0.113.9");
    expect(getClientIp(forged, parseTrustProxy("2"))).toBe("6.6.6.6");
    expect(getClientIp(forged, parseTrustProxy("9"))).toBe("6.6.6.6");
  });

  it("skips only the listed proxy addresses", () => {
    expect(getClientIp(forged, parseTrustProxy("10.0.0.1"))).toBe("203.0.113.9");
    expect(getClientIp(forged, parseTrustProxy("10.0.0.1, 203.0.113.9"))).toBe("6.6.6.6");
    expect(getClientIp(forged, parseTrustProxy("10.0.0.2"))).toBe("10.0.0.1");
    expect(getClientIp({ "x-forwarded-for": "6.6.6.6, ::ffff:10.0.0.1" }, parseTrustProxy("10.0.0.1"))).toBe("6.6.6.6");
  });
});

describe("appendSocketAddress", () => {
  it("appends the peer to a forged header, or sets it when there is none", () => {
    const request = (headers: Record<string, string>) =>
      ({ headers, socket: { remoteAddress: "192.0.2.10" } }) as unknown as import("node:http").IncomingMessage;
    const withForged = request({ "x-forwarded-for": "6.6.6.6" });
    appendSocketAddress(withForged);
    expect(withForged.headers["x-forwarded-for"]).toBe("6.6.6.6, 192.0.2.10");
    const plain = request({});
    appendSocketAddress(plain);
    expect(getClientIp(plain.headers, parseTrustProxy(undefined))).toBe("192.0.2.10");
  });
});
