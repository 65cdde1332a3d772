// What Attest keeps in next-auth's JWT and session (see auth-options.ts).
import "next-auth";
import "next-auth/jwt";
import type { Role } from "@/lib/auth/identity";
import type { OrganizationMembership } from "@/lib/auth/list-user-organizations";

declare module "next-auth" {
  interface User {
    orgId: string;
    role: Role;
    orgs: OrganizationMembership[];
  }

  interface Session {
    user: { id: string; email: string; name: string };
    /** The org the user is acting in; switch with `update({ orgId })`. */
    orgId: string;
    role: Role;
    orgs: OrganizationMembership[];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    orgId?: string;
    role?: Role;
    orgs?: OrganizationMembership[];
  }
}
