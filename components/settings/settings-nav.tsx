// The sections of Settings, shown above each settings page.
import clsx from "clsx";
import Link from "next/link";

const sections = [
  { href: "/dashboard/settings/api-keys", label: "API keys" },
  { href: "/dashboard/settings/retention", label: "Report retention" },
] as const;

export function SettingsNav({ current }: { current: (typeof sections)[number]["href"] }) {
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 border-b border-slate-200">
      {sections.map((section) => (
        <Link
          key={section.href}
          href={section.href}
          aria-current={section.href === current ? "page" : undefined}
          className={clsx(
            "-mb-px border-b-2 px-4 py-2.5 text-sm font-medium",
            section.href === current
              ? "border-indigo-600 text-indigo-700"
              : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
