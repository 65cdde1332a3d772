import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";
import { db } from "@/lib/db";
import { uniqueSuffix } from "@/tests/support/fixtures";

const execFileAsync = promisify(execFile);
const password = "a long enough admin password";

describe("npm run create-admin", () => {
  it("creates an org and its first admin, who can sign in", async () => {
    const email = `first-admin-${uniqueSuffix()}@example.test`;
    const orgName = `First Org ${uniqueSuffix()}`;
    await execFileAsync(
      process.execPath,
      ["--import", "tsx", path.resolve("scripts/create-admin.ts"), "--email", email, "--org", orgName],
      {
        env: {
          ...process.env,
          DATABASE_URL: inject("databaseUrl"),
          ATTEST_ADMIN_PASSWORD: password,
          LOG_LEVEL: "silent",
        },
      },
    );
    const signedIn = await authorizeCredentials({ email, password }, { ip: null });
    expect(signedIn).toMatchObject({ email, role: "admin", orgs: [{ name: orgName, role: "admin" }] });

    // The same email again is refused, and changes nothing.
    await expect(
      execFileAsync(
        process.execPath,
        ["--import", "tsx", path.resolve("scripts/create-admin.ts"), "--email", email, "--org", "Another"],
        { env: { ...process.env, DATABASE_URL: inject("databaseUrl"), ATTEST_ADMIN_PASSWORD: password } },
      ),
    ).rejects.toMatchObject({ stderr: expect.stringContaining("already exists") });
    expect(await db.membership.count({ where: { user: { email } } })).toBe(1);
  }, 60_000);
});
