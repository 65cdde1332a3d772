"use client";
// Actions column: downloads when completed (and Share for admins), Regenerate when failed, Delete for admins.
import { CancelReportButton } from "@/components/compliance/cancel-report-button";
import { DeleteReportButton } from "@/components/compliance/delete-report-button";
import { reportDownloadUrl, type ReportResource } from "@/components/compliance/report-resource";
import { ShareReportDialog } from "@/components/share-links/share-report-dialog";
import { Button, buttonClassName } from "@/components/ui/button";

export function ReportActionsCell({
  report,
  isAdmin,
  onRegenerate,
}: {
  report: ReportResource;
  isAdmin: boolean;
  onRegenerate: (report: ReportResource) => void;
}) {
  return (
    // One line whatever the status: a row must not grow and shift when its report completes.
    <div className="flex flex-nowrap items-center gap-1.5 whitespace-nowrap">
      {report.status === "completed" ? (
        <>
          {/* A new tab, as the seed page documents; the server answers with an attachment. */}
          <a
            href={reportDownloadUrl(report.id, "json")}
            target="_blank"
            rel="noopener"
            className={buttonClassName("secondary", "sm")}
            aria-label={`Download JSON of ${report.title}`}
          >
            Download JSON
          </a>
          <a
            href={reportDownloadUrl(report.id, "csv")}
            target="_blank"
            rel="noopener"
            className={buttonClassName("secondary", "sm")}
            aria-label={`Download CSV of ${report.title}`}
          >
            Download CSV
          </a>
          <a
            href={reportDownloadUrl(report.id, "zip")}
            target="_blank"
            rel="noopener"
            className={buttonClassName("secondary", "sm")}
            aria-label={`Download evidence package (.zip) of ${report.title}`}
          >
            Evidence package (.zip)
          </a>
          {isAdmin ? <ShareReportDialog report={report} /> : null}
        </>
      ) : null}
      {report.status === "pending" && isAdmin ? <CancelReportButton report={report} /> : null}
      {(report.status === "failed" || report.status === "cancelled") && isAdmin ? (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => onRegenerate(report)}
          aria-label={`Regenerate ${report.title}`}
        >
          Regenerate
        </Button>
      ) : null}
      {isAdmin ? <DeleteReportButton report={report} /> : null}
    </div>
  );
}
