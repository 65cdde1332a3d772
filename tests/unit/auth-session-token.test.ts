import { describe, expect, it } from "vitest";
import { getClientIp } from "@/lib/auth/get-client-ip";
import { parseCookieHeader, readSessionToken } from "@/lib/auth/read-session-token";

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
    expect(readSessionToken(new Map([["next-auth.session-token", "plain"]]))).toBe("plain");
    expect(readSessionToken(new Map([["__Secure-next-auth.session-token", "secure"]]))).toBe("secure");
  });

  it("joins chunked tokens in order", () => {
    const cookies = new Map([
      ["next-auth.session-token.1", "BBB"],
      ["next-auth.session-token.0", "AAA"],
      ["next-auth.session-token.2", "CCC"],
    ]);
    expect(readSessionToken(cookies)).toBe("AAABBBCCC");
  });

  it("ignores other cookies", () => {
    expect(readSessionToken(new Map([["next-auth.csrf-token", "x"]]))).toBeNull();
  });
});

describe("getClientIp", () => {
  it("takes the first forwarded hop, unwraps IPv4-mapped addresses, falls back to x-real-ip", () => {
    expect(getClientIp(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("203.0.113.9");
    expect(getClientIp({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(getClientIp({ "x-forwarded-for": "2001:db8::1" })).toBe("2001:db8::1");
    expect(getClientIp({ "x-real-ip": "198.51.100.2" })).toBe("198.51.100.2");
    expect(getClientIp({})).toBeNull();
    expect(getClientIp(undefined)).toBeNull();
  });
});
