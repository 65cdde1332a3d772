// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `forbidden()` (lib/auth/require-page-identity.ts) answers a wrong role with a real 403.
  experimental: { authInterrupts: true },
  // Native and server-only packages stay in node_modules instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "pg", "pino", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  // The seed page documents the engine paths as /compliance/...; they answer
  // exactly like the canonical /api/engine/compliance/... routes.
  async rewrites() {
    return [{ source: "/compliance/:path*", destination: "/api/engine/compliance/:path*" }];
  },
  // robots.txt keeps crawlers out; this keeps pages and downloads out of indexes
  // when a link (a shared report) is found elsewhere.
  async headers() {
    return [{ source: "/:path*", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] }];
  },
};

module.exports = nextConfig;
