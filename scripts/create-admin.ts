// npm run create-admin -- --email admin@example.com --org "Example Inc" [--name "Ada"]
// Creates an organization and its first admin in the configured database
// (DATABASE_URL), migrating it first. The password comes from
// ATTEST_ADMIN_PASSWORD, else from a prompt, else from the first line of stdin
// (so it never has to appear on a command line).
import readline from "node:readline";
import { parseArgs } from "node:util";
import { createOrganizationAdmin, minimumAdminPasswordLength } from "@/lib/auth/create-organization-admin";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { getEnv } from "@/lib/env";

const usage = 'Usage: npm run create-admin -- --email <email> --org "<organization name>" [--name "<name>"]';

async function readPassword(): Promise<string> {
  const fromEnv = getEnv().ATTEST_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const input = readline.createInterface({
    input: process.stdin,
    output: process.stdin.isTTY ? process.stdout : undefined,
  });
  if (process.stdin.isTTY) process.stdout.write(`Password (at least ${minimumAdminPasswordLength} characters): `);
  // Not echoed on a terminal: readline writes through this, and the typed characters are dropped.
  const output = input as unknown as { _writeToOutput?: (text: string) => void };
  output._writeToOutput = () => undefined;
  const line = await new Promise<string>((resolve) => {
    input.once("line", resolve);
    input.once("close", () => resolve(""));
  });
  input.close();
  if (process.stdin.isTTY) process.stdout.write("\n");
  return line;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, org: { type: "string" }, name: { type: "string" } },
  });
  if (!values.email || !values.org) {
    console.error(usage);
    return 1;
  }
  await applyMigrations();
  const password = await readPassword();
  const created = await createOrganizationAdmin({
    email: values.email,
    orgName: values.org,
    name: values.name,
    password,
  });
  console.log(`Created the organization "${values.org}" (${created.slug}) with ${values.email} as its admin.`);
  return 0;
}

main()
  .then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  )
  .finally(() => db.$disconnect());
