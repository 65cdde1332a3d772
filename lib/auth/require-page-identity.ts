// The guard for server-rendered pages (middleware is not a security boundary).
// Signed out → redirect to /login?callbackUrl=…; signed in with the wrong role →
// `forbidden()`, which answers 403 and renders app/forbidden.tsx.
import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { hasPermission, type Permission, type Role, type SessionIdentity } from "@/lib/auth/identity";
import { listUserOrganizations, type OrganizationMembership } from "@/lib/auth/list-user-organizations";
import { resolveSessionIdentity } from "@/lib/auth/resolve-session-identity";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

export type PageIdentity = {
  identity: SessionIdentity;
  /** The current org (for the header). */
  org: OrganizationMembership;
  /** Every org the user may switch to, current one included. */
  orgs: OrganizationMembership[];
};

/**
 * The signed-in person of this page request, checked against the database; null
 * when signed out. Memoized per request: the layout and the page both ask.
 */
export const getPageIdentity = cache(async function getPageIdentity(): Promise<PageIdentity | null> {
  const cookieStore = await cookies();
  const forwardedProto = (await headers()).get("x-forwarded-proto");
  const identity = await resolveSessionIdentity(new Map(cookieStore.getAll().map((c) => [c.name, c.value])), {
    forwardedProto,
  });
  if (!identity) return null;
  const orgs = await listUserOrganizations(identity.userId);
  const org = orgs.find((candidate) => candidate.id === identity.orgId);
  return org ? { identity, org, orgs } : null;
});

export async function requirePageIdentity(
  options: { permission?: Permission; roles?: readonly Role[]; callbackUrl?: string } = {},
): Promise<PageIdentity> {
  const page = await getPageIdentity();
  if (!page) redirect(`/login?callbackUrl=${encodeURIComponent(safeCallbackUrl(options.callbackUrl))}`);
  if (options.permission && !hasPermission(page.identity, options.permission)) forbidden();
  if (options.roles && !options.roles.includes(page.identity.role)) forbidden();
  return page;
}
