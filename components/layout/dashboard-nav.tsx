"use client";
// The dashboard's links: a left column on wide windows, a row on narrow ones, a
// column in the phone menu (mobile-nav-menu.tsx). aria-current marks the open section.
import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Role } from "@/lib/auth/identity";
import { navItemsForRole, type NavIcon, type NavItem } from "@/components/layout/nav-items";

function isActive(item: NavItem, pathname: string): boolean {
  if (item.href === "/dashboard") return pathname === "/dashboard";
  const prefix = item.matchPrefix ?? item.href;
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

const iconPaths: Record<NavIcon, string> = {
  overview: "M3 12l9-8 9 8M5 10v10h5v-6h4v6h5V10",
  compliance: "M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7l8-4zm-3 9l2 2 4-4",
  agents: "M9 3h6M12 3v3m-6 3h12a2 2 0 012 2v7a2 2 0 01-2 2H6a2 2 0 01-2-2v-7a2 2 0 012-2zm3 5h.01M15 14h.01",
  users:
    "M16 20v-1a4 4 0 00-4-4H7a4 4 0 00-4 4v1m6.5-9a4 4 0 100-8 4 4 0 000 8zM21 20v-1a4 4 0 00-3-3.9M16 3.1a4 4 0 010 7.8",
  settings:
    "M12 15a3 3 0 100-6 3 3 0 000 6zm7.4-3a7.4 7.4 0 00-.1-1.2l2-1.6-2-3.4-2.4 1a7.5 7.5 0 00-2-1.2L14.5 3h-5l-.4 2.6a7.5 7.5 0 00-2 1.2l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 000 2.4l-2 1.6 2 3.4 2.4-1a7.5 7.5 0 002 1.2l.4 2.6h5l.4-2.6a7.5 7.5 0 002-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2z",
};

export function DashboardNav({
  role,
  layout = "bar",
  onNavigate,
}: {
  role: Role;
  /** "bar": a row below lg, a column from lg; "column": always a column. */
  layout?: "bar" | "column";
  /** Called when a link is followed (the phone menu closes). */
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard">
      <ul
        className={clsx(
          "flex gap-1",
          layout === "bar" ? "overflow-x-auto lg:flex-col lg:overflow-visible" : "flex-col",
        )}
      >
        {navItemsForRole(role).map((item) => {
          const active = isActive(item, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                onClick={onNavigate}
                className={clsx(
                  "flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap",
                  active ? "bg-indigo-50 text-indigo-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                <svg
                  aria-hidden="true"
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth={1.6}
                  strokeLinecap="round"
                  strokeLinejoin="round"
                  className={clsx("size-4.5 shrink-0", active ? "text-indigo-600" : "text-slate-400")}
                >
                  <path d={iconPaths[item.icon]} />
                </svg>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
