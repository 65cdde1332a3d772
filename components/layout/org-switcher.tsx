"use client";
// The header's organization menu: the orgs the person belongs to, with their role in each.
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useSwitchOrganization } from "@/components/layout/use-switch-organization";
import type { OrganizationMembership } from "@/lib/auth/list-user-organizations";

export function OrgSwitcher({
  organizations,
  currentOrgId,
}: {
  organizations: OrganizationMembership[];
  currentOrgId: string;
}) {
  const { switchTo, isPending, isReady, error } = useSwitchOrganization();
  const current = organizations.find((org) => org.id === currentOrgId);

  return (
    <div className="flex min-w-0 items-center gap-2">
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger
          disabled={!isReady || isPending}
          className="flex min-w-0 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 shadow-sm hover:bg-slate-50 disabled:cursor-wait"
        >
          <span className="sr-only">Organization:</span>
          <span className="truncate">{current?.name ?? "Organization"}</span>
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0 text-slate-500">
            <path d="M5.2 7.2a.75.75 0 011.06.04L10 11.2l3.74-3.96a.75.75 0 111.1 1.02l-4.3 4.5a.75.75 0 01-1.1 0l-4.3-4.5a.75.75 0 01.04-1.06z" />
          </svg>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          <DropdownMenuLabel>Switch organization</DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuRadioGroup
            value={currentOrgId}
            onValueChange={(orgId) => {
              if (orgId !== currentOrgId) void switchTo(orgId);
            }}
          >
            {organizations.map((org) => (
              <DropdownMenuRadioItem key={org.id} value={org.id}>
                <span className="flex-1 truncate">{org.name}</span>
                <span className="text-xs text-slate-500 capitalize">{org.role}</span>
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
        </DropdownMenuContent>
      </DropdownMenu>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
