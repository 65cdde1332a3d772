// SOC2 / GDPR / AUDIT badge, one colour per type so a long history scans at a glance.
import clsx from "clsx";
import type { ReportType } from "@/components/compliance/report-resource";
import { reportTypeOption } from "@/components/compliance/report-type-options";

const typeClasses: Record<ReportType, string> = {
  soc2: "bg-sky-50 text-sky-800 ring-sky-200",
  gdpr: "bg-violet-50 text-violet-800 ring-violet-200",
  audit: "bg-amber-50 text-amber-900 ring-amber-200",
};

export function ReportTypeBadge({ type }: { type: ReportType }) {
  return (
    <span
      className={clsx(
        "inline-flex items-center rounded px-2 py-0.5 font-mono text-xs font-semibold tracking-wide whitespace-nowrap ring-1 ring-inset",
        typeClasses[type],
      )}
    >
      {reportTypeOption(type).badge}
    </span>
  );
}
