import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { UsersPanel } from "@/components/users/users-panel";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";
import { roleHasPermission } from "@/lib/auth/identity";
import { listMembers } from "@/lib/users/list-members";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  // Members get forbidden() → 403 and app/dashboard/forbidden.tsx; auditors read.
  const { identity } = await requirePageIdentity({ permission: "org:members", callbackUrl: "/dashboard/users" });
  const canManage = roleHasPermission(identity.role, "org:admin");
  const members = await listMembers({ orgId: identity.orgId });
  return (
    <>
      <PageHeader
        title="Users"
        description={
          canManage
            ? "The people of this organization and their roles. Admins add, re-role and remove members; each change is recorded in the audit trail, and the organization always keeps at least one admin."
            : "The people of this organization and their roles. Only admins can change them."
        }
      />
      <UsersPanel orgId={identity.orgId} canManage={canManage} initialMembers={members} />
    </>
  );
}
