import { headers } from "next/headers";
import type { ReactNode } from "react";
import { DashboardShell } from "@/components/layout/dashboard-shell";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";
import { requestPathHeader } from "@/lib/dashboard/request-path-header";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // proxy.ts tells us the requested path, so signing in returns there. Pages check again themselves:
  // layouts render in parallel with pages and are not re-run on client-side navigation.
  const callbackUrl = (await headers()).get(requestPathHeader) ?? "/dashboard";
  const { identity, org, orgs } = await requirePageIdentity({ callbackUrl });
  return (
    <DashboardShell
      user={{ name: identity.name, email: identity.email }}
      role={identity.role}
      currentOrgId={org.id}
      organizations={orgs}
    >
      {children}
    </DashboardShell>
  );
}
