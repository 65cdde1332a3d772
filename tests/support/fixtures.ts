// Test fixtures for the `api` project. Every test file makes its own org(s)
// with createTestOrg, so files running in parallel never share rows.
// Extend this file with more helpers (session cookies, API keys…) as needed.
import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { generateApiKey } from "@/lib/api-keys/api-key-format";
import { getAuthSecret } from "@/lib/auth/get-auth-secret";
import type { ApiKeyScope } from "@/lib/auth/identity";

export type TestRole = "admin" | "auditor" | "member";

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: TestRole;
  /** Plain-text password (the same for every fixture user): TEST_PASSWORD. */
  password: string;
}

export interface TestOrg {
  orgId: string;
  org: { id: string; slug: string; name: string };
  admin: TestUser;
  auditor: TestUser;
  member: TestUser;
  /** All three users, in role order admin, auditor, member. */
  users: TestUser[];
}

export const TEST_PASSWORD = "correct horse battery staple";

// Lowest bcrypt cost: fixtures are created by the hundred, and nothing here needs strength.
let passwordHash: Promise<string> | undefined;
function getPasswordHash(): Promise<string> {
  passwordHash ??= bcrypt.hash(TEST_PASSWORD, 4);
  return passwordHash;
}

/** A short random suffix that keeps slugs and emails unique across files and runs. */
export function uniqueSuffix(): string {
  return crypto.randomBytes(5).toString("hex");
}

/** Creates an organization with one admin, one auditor and one member. */
export async function createTestOrg(options: { name?: string } = {}): Promise<TestOrg> {
  const suffix = uniqueSuffix();
  const name = options.name ?? `Test Org ${suffix}`;
  const org = await db.organization.create({
    data: { slug: `test-${suffix}`, name },
    select: { id: true, slug: true, name: true },
  });
  const [admin, auditor, member] = await Promise.all(
    (["admin", "auditor", "member"] as const).map((role) => createTestUser({ orgId: org.id, role, suffix })),
  );
  // Promise.all over a fixed tuple: the three are defined.
  return { orgId: org.id, org, admin: admin!, auditor: auditor!, member: member!, users: [admin!, auditor!, member!] };
}

/** Adds a user with `role` to an existing org (e.g. a second admin, or a user in two orgs). */
export async function createTestUser(input: { orgId: string; role: TestRole; suffix?: string }): Promise<TestUser> {
  const suffix = input.suffix ? `${input.suffix}-${uniqueSuffix()}` : uniqueSuffix();
  const email = `${input.role}-${suffix}@test.example`;
  const name = `Test ${input.role[0]!.toUpperCase()}${input.role.slice(1)} ${suffix}`;
  const user = await db.user.create({
    data: {
      email,
      name,
      passwordHash: await getPasswordHash(),
      memberships: { create: { orgId: input.orgId, role: input.role } },
    },
    select: { id: true, email: true, name: true },
  });
  return { ...user, role: input.role, password: TEST_PASSWORD };
}

/**
 * A `Cookie` header value holding a next-auth session for `user` acting in
 * `orgId`, encrypted with the app's auth secret exactly as a sign-in would.
 * The role is not trusted from the cookie: resolveIdentity re-reads it from the database.
 */
export async function sessionCookieFor(
  user: { id: string; email: string; name: string },
  orgId: string,
  options: { secure?: boolean; secret?: string; maxAgeSeconds?: number } = {},
): Promise<string> {
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name, orgId },
    secret: options.secret ?? getAuthSecret(),
    maxAge: options.maxAgeSeconds ?? 60 * 60,
  });
  const name = options.secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
  return `${name}=${token}`;
}

export interface TestApiKey {
  id: string;
  /** The plaintext `att_…` key, for `Authorization: Bearer`. */
  key: string;
  prefix: string;
}

/** Creates an API key of `orgId` with `scopes` (stored hashed, as the app stores them). */
export async function createTestApiKey(
  orgId: string,
  scopes: ApiKeyScope[],
  options: { name?: string; revoked?: boolean } = {},
): Promise<TestApiKey> {
  const { key, prefix, hashedKey } = generateApiKey();
  const row = await db.apiKey.create({
    data: {
      orgId,
      name: options.name ?? `Test key ${uniqueSuffix()}`,
      prefix,
      hashedKey,
      scopes: scopes.join(" "),
      revokedAt: options.revoked ? new Date() : null,
    },
    select: { id: true },
  });
  return { id: row.id, key, prefix };
}
