// The dashboard frame: header (phone menu, org, org switcher, user menu), left nav, content.
import Link from "next/link";
import type { ReactNode } from "react";
import type { Role } from "@/lib/auth/identity";
import type { OrganizationMembership } from "@/lib/auth/list-user-organizations";
import { Badge } from "@/components/ui/badge";
import { DashboardNav } from "@/components/layout/dashboard-nav";
import { MobileNavMenu } from "@/components/layout/mobile-nav-menu";
import { OrgSwitcher } from "@/components/layout/org-switcher";
import { UserMenu } from "@/components/layout/user-menu";

type DashboardShellProps = {
  user: { name: string; email: string };
  role: Role;
  currentOrgId: string;
  organizations: OrganizationMembership[];
  children: ReactNode;
};

export function DashboardShell({ user, role, currentOrgId, organizations, children }: DashboardShellProps) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="flex h-14 items-center gap-3 px-4 sm:px-6">
          <MobileNavMenu role={role} />
          <Link href="/dashboard" className="flex shrink-0 items-center gap-2 rounded font-semibold text-slate-900">
            <span
              aria-hidden="true"
              className="flex size-7 items-center justify-center rounded-md bg-indigo-600 text-white"
            >
              A
            </span>
            {/* Named on phones too, where only the logo shows. */}
            <span className="sr-only sm:not-sr-only">Attest</span>
          </Link>
          <span aria-hidden="true" className="hidden h-6 w-px bg-slate-200 sm:block" />
          <OrgSwitcher organizations={organizations} currentOrgId={currentOrgId} />
          <Badge tone={role === "admin" ? "info" : "neutral"}>
            <span className="sr-only">Your role: </span>
            <span className="capitalize">{role}</span>
          </Badge>
          <div className="ml-auto">
            <UserMenu name={user.name} email={user.email} />
          </div>
        </div>
      </header>
      <div className="lg:flex">
        {/* On phones the links are in the header's menu. */}
        <aside className="hidden border-b border-slate-200 bg-white px-2 py-2 sm:block lg:sticky lg:top-14 lg:h-[calc(100vh-3.5rem)] lg:w-56 lg:shrink-0 lg:border-r lg:border-b-0 lg:px-3 lg:py-4">
          <DashboardNav role={role} />
        </aside>
        <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
