// The dashboard's sections. `roles` limits who sees a link (the pages check again themselves).
import type { Role } from "@/lib/auth/identity";

export type NavItem = { href: string; label: string; icon: NavIcon; roles?: readonly Role[]; matchPrefix?: string };
export type NavIcon = "overview" | "compliance" | "agents" | "settings";

export const navItems: readonly NavItem[] = [
  { href: "/dashboard", label: "Overview", icon: "overview" },
  { href: "/dashboard/compliance", label: "Compliance", icon: "compliance", roles: ["admin", "auditor"] },
  { href: "/dashboard/agents", label: "Agents", icon: "agents" },
  { href: "/dashboard/settings/api-keys", label: "Settings", icon: "settings", matchPrefix: "/dashboard/settings" },
];

export function navItemsForRole(role: Role): NavItem[] {
  return navItems.filter((item) => !item.roles || item.roles.includes(role));
}
