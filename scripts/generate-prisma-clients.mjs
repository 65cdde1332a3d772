// Generates the Prisma client for both providers (run on npm install).
// Prisma's CLI would download a schema engine it does not need for `generate`;
// pointing it at /bin/false skips that download, which fails offline.
import { execFileSync } from "node:child_process";

for (const provider of ["sqlite", "postgresql"]) {
  execFileSync("npx", ["prisma", "generate", "--schema", `prisma/${provider}`], {
    stdio: "inherit",
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
