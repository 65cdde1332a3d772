// The dashboard's sections. `permission` limits who sees a link: the same one
// the page (and its API) require, so a link never leads to a 403.
import { roleHasPermission, type Permission, type Role } from "@/lib/auth/identity";
import { viewAgentsPermission } from "@/lib/agents/view-agents-permission";

export type NavItem = {
  href: string;
  label: string;
  icon: NavIcon;
  permission?: Permission;
  matchPrefix?: string;
};
export type NavIcon = "overview" | "compliance" | "agents" | "users" | "settings";

export const navItems: readonly NavItem[] = [
  { href: "/dashboard", label: "Overview", icon: "overview" },
  { href: "/dashboard/compliance", label: "Compliance", icon: "compliance", permission: "reports:read" },
  { href: "/dashboard/agents", label: "Agents", icon: "agents", permission: viewAgentsPermission },
  { href: "/dashboard/users", label: "Users", icon: "users", permission: "org:members" },
  {
    href: "/dashboard/settings/api-keys",
    label: "Settings",
    icon: "settings",
    permission: "org:admin",
    matchPrefix: "/dashboard/settings",
  },
];

export function navItemsForRole(role: Role): NavItem[] {
  return navItems.filter((item) => !item.permission || roleHasPermission(role, item.permission));
}
