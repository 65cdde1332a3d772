// A report type's badge (SOC2 / GDPR / AUDIT…), one colour per type so a long history scans at a glance.
import clsx from "clsx";
import { useReportTypeOption } from "@/components/compliance/report-type-catalogue-context";
import type { ReportTypeOption } from "@/components/compliance/report-type-options";

// Whole class names, so Tailwind finds them in the source.
const toneClasses: Record<ReportTypeOption["tone"], string> = {
  sky: "bg-sky-50 text-sky-800 ring-sky-200",
  violet: "bg-violet-50 text-violet-800 ring-violet-200",
  amber: "bg-amber-50 text-amber-900 ring-amber-200",
  emerald: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  rose: "bg-rose-50 text-rose-800 ring-rose-200",
  slate: "bg-slate-50 text-slate-800 ring-slate-200",
};

export function ReportTypeBadge({ type }: { type: string }) {
  const option = useReportTypeOption(type);
  return (
    <span
      className={clsx(
        "inline-flex items-center rounded px-2 py-0.5 font-mono text-xs font-semibold tracking-wide whitespace-nowrap ring-1 ring-inset",
        toneClasses[option?.tone ?? "slate"],
      )}
    >
      {option?.badge ?? type.toUpperCase()}
    </span>
  );
}
