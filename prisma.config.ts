// Prisma CLI configuration. The provider folder follows DATABASE_URL, the same
// rule lib/db/database-url.ts applies at runtime.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/attest.db";
const provider = /^postgres(ql)?:/.test(url) ? "postgresql" : "sqlite";

export default defineConfig({
  schema: `prisma/${provider}`,
  migrations: { path: `prisma/${provider}/migrations` },
  datasource: { url },
});
