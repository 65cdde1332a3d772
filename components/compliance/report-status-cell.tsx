// Status column: pending → progress bar with percent; failed → the reason; cancelled → a badge;
// completed → a badge with its legal hold or its expiry; purged → a badge and when.
import type { ReportResource } from "@/components/compliance/report-resource";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/client/format-date-time";

export function ReportStatusCell({ report }: { report: ReportResource }) {
  if (report.status === "pending") {
    const percent = Math.max(0, Math.min(100, Math.round(report.progress)));
    return (
      <div className="min-w-32">
        <Badge tone="info">pending</Badge>
        <div className="mt-1.5 flex items-center gap-2">
          <div
            role="progressbar"
            aria-label={`Generating ${report.title}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 w-24 overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full rounded-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <span className="text-xs text-slate-600 tabular-nums">{percent}%</span>
        </div>
      </div>
    );
  }
  if (report.status === "failed") {
    return (
      <div className="max-w-xs">
        <Badge tone="danger">failed</Badge>
        <p className="mt-1 text-xs break-words text-red-800">{report.error ?? "No reason was recorded."}</p>
      </div>
    );
  }
  if (report.status === "cancelled") return <Badge tone="neutral">cancelled</Badge>;
  if (report.status === "purged") {
    return (
      <div>
        <Badge tone="neutral">purged</Badge>
        {report.purgedAt ? (
          <p className="mt-1 text-xs text-slate-600">Files purged {formatDateTime(report.purgedAt)}</p>
        ) : null}
      </div>
    );
  }
  return (
    <div>
      <Badge tone="success">completed</Badge>
      {report.legalHold ? (
        <p className="mt-1">
          <Badge tone="warning">legal hold</Badge>
        </p>
      ) : report.expiresAt ? (
        <p className="mt-1 text-xs whitespace-nowrap text-slate-600">Expires {formatDateTime(report.expiresAt)}</p>
      ) : null}
    </div>
  );
}
