// Two projects: `unit` (pure logic, no database) and `api` (route handlers and
// lib functions against a real, fresh database; see tests/support/README.md).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      // Tests call route handlers and server modules directly, outside Next's
      // react-server build that resolves `server-only` to its empty module.
      { find: /^server-only$/, replacement: `${root}node_modules/server-only/empty.js` },
    ],
  },
  test: {
    environment: "node",
    // Quiet logs unless a run asks for them (the logger reads LOG_LEVEL through lib/env.ts).
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" },
    // CI adds up these JSON reports into one closing line (scripts/ci-summary.mjs).
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: `test-results/ci/vitest-${Date.now()}.json` }]]
      : ["default"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "lib/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "api",
          include: ["tests/api/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/use-test-database.ts"],
          // Creating databases and first Prisma queries are slower than unit work on 2 shared cores.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
