// ESLint flat config: Next's core-web-vitals and TypeScript rules (typescript-eslint).
// Formatting is Prettier's job (`prettier --check` runs after eslint in `npm run lint`).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    "node_modules/**",
    ".next/**",
    "data/**",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
    "bench-data/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
]);
