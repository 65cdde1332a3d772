import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";
import {
  getRedirectUrl,
  unstable_doesMiddlewareMatch,
  unstable_getResponseFromNextConfig,
} from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { config as proxyConfig, proxy } from "@/proxy";

const root = fileURLToPath(new URL("../..", import.meta.url));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS, as Next loads it
const nextConfig = require("../../next.config.js") as NextConfig;

const publicPaths = ["/robots.txt", "/favicon.ico", "/apple-touch-icon.png", "/icon.svg"];

describe("public files", () => {
  it("robots.txt keeps every crawler out of the whole site", () => {
    const lines = readFileSync(`${root}/public/robots.txt`, "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#"));
    expect(lines).toEqual(["User-agent: *", "Disallow: /"]);
  });

  it("favicon.ico is an icon directory of PNG images, 16 to 48 px", () => {
    const ico = readFileSync(`${root}/public/favicon.ico`);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const entry = 6 + index * 16;
      const [size, offset] = [ico.readUInt32LE(entry + 8), ico.readUInt32LE(entry + 12)];
      expect(offset + size).toBeLessThanOrEqual(ico.length);
      expect(ico.subarray(offset, offset + 8).toString("latin1")).toBe("\x89PNG\r\n\x1a\n");
      sizes.push(ico.readUInt8(entry));
    }
    expect(sizes).toEqual([16, 32, 48]);
  });

  it("the proxy only adds headers to them (it runs on every path but the API's, for the security headers)", () => {
    for (const path of [...publicPaths, "/_next/static/chunks/app.js", "/dashboard/compliance", "/api/auth/signin"]) {
      expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: path }), path).toBe(true);
      const response = proxy(new NextRequest(`http://localhost${path}`));
      expect(getRedirectUrl(response), path).toBeNull();
      expect(response.headers.get("x-middleware-next"), path).toBe("1");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });

  it("every response asks not to be indexed, and none of these is redirected", async () => {
    for (const path of [...publicPaths, "/dashboard", "/api/engine/compliance/reports/r1/download"]) {
      const response = await unstable_getResponseFromNextConfig({ url: `http://localhost${path}`, nextConfig });
      expect(response.headers.get("x-robots-tag"), path).toBe("noindex, nofollow");
      expect(getRedirectUrl(response), path).toBeNull();
    }
  });
});
