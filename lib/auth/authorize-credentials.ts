// Checks an email + password sign-in. Every failure says the same thing, so the
// answer never reveals whether an account exists; failures of known users are
// written to the audit trail of each org they belong to, and throttled. Throttled
// attempts cost no bcrypt check, so they are audited as one aggregated
// `auth.login_throttled` event per email and window rather than one row each.
import "server-only";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { isRole } from "@/lib/auth/identity";
import type { OrganizationMembership } from "@/lib/auth/list-user-organizations";
import {
  clearFailedSignIns,
  consumeSignInAttempt,
  noteThrottledSignIn,
  signInWindowSeconds,
} from "@/lib/auth/sign-in-rate-limiter";

/** The messages a sign-in can fail with; next-auth hands them to `signIn()` as `error`. */
export const signInErrors = {
  invalidCredentials: "Invalid email or password",
  tooManyAttempts: "Too many failed sign-in attempts. Try again later.",
} as const;

type SignInErrorMessage = (typeof signInErrors)[keyof typeof signInErrors];

export class SignInError extends Error {
  constructor(message: SignInErrorMessage) {
    super(message);
    this.name = "SignInError";
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(3).max(320),
  password: z.string().min(1).max(1024),
});

export type SignedInUser = {
  id: string;
  email: string;
  name: string;
  orgId: string;
  role: OrganizationMembership["role"];
  orgs: OrganizationMembership[];
};

type FailureReason = "bad_password" | "disabled" | "no_membership";

// Compared against when the email is unknown, so both paths cost one bcrypt check.
let decoyHash: Promise<string> | undefined;

export async function authorizeCredentials(input: unknown, { ip }: { ip: string | null }): Promise<SignedInUser> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new SignInError(signInErrors.invalidCredentials);
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      disabledAt: true,
      memberships: {
        // An invited membership grants nothing until its set-password link is used.
        where: { status: "active" },
        select: { role: true, org: { select: { id: true, name: true, slug: true } } },
        orderBy: [{ createdAt: "asc" }, { orgId: "asc" }],
      },
    },
  });
  const orgs = (user?.memberships ?? []).flatMap(({ role, org }) => (isRole(role) ? [{ ...org, role }] : []));

  const fail = async (reason: FailureReason): Promise<never> => {
    for (const org of orgs) {
      await recordAuditEvent({
        orgId: org.id,
        actorType: "user",
        actorId: user?.id ?? null,
        actorLabel: email,
        action: "auth.login_failed",
        category: "authentication",
        targetType: "user",
        targetId: user?.id ?? null,
        outcome: "failure",
        ip,
        metadata: { reason },
      });
    }
    throw new SignInError(signInErrors.invalidCredentials);
  };

  if ((await consumeSignInAttempt(email, ip)) > 0) {
    const throttledAttempts = orgs.length > 0 ? await noteThrottledSignIn(email) : null;
    for (const org of throttledAttempts === null ? [] : orgs) {
      await recordAuditEvent({
        orgId: org.id,
        actorType: "user",
        actorId: user?.id ?? null,
        actorLabel: email,
        action: "auth.login_throttled",
        category: "authentication",
        targetType: "user",
        targetId: user?.id ?? null,
        outcome: "failure",
        ip,
        // Attempts this event stands for: this one and those refused unreported since the previous event.
        metadata: { reason: "rate_limited", attempts: throttledAttempts, windowSeconds: signInWindowSeconds },
      });
    }
    throw new SignInError(signInErrors.tooManyAttempts);
  }

  decoyHash ??= bcrypt.hash(randomBytes(16).toString("hex"), 10);
  // An empty hash: an invited account that has not set a password yet.
  const passwordMatches = await bcrypt.compare(password, user?.passwordHash || (await decoyHash));
  if (!user || !passwordMatches) return fail("bad_password");
  if (user.disabledAt) return fail("disabled");
  const defaultOrg = orgs[0];
  if (!defaultOrg) return fail("no_membership");

  await clearFailedSignIns(email, ip);
  // The Users page shows the last sign-in; it and its audit event are written together.
  await db.$transaction(async (tx) => {
    const signedInAt = new Date();
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: signedInAt } });
    await recordAuditEvent(
      {
        orgId: defaultOrg.id,
        actorType: "user",
        actorId: user.id,
        actorLabel: user.email,
        action: "auth.login",
        category: "authentication",
        targetType: "user",
        targetId: user.id,
        outcome: "success",
        ip,
        occurredAt: signedInAt,
      },
      tx,
    );
  }, chainTransactionOptions);
  return { id: user.id, email: user.email, name: user.name, orgId: defaultOrg.id, role: defaultOrg.role, orgs };
}
