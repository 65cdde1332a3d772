"use client";
// Actions column: downloads when completed (and Share and Run again for admins),
// Regenerate when failed, Legal hold and Delete for admins (Delete only while not held).
import clsx from "clsx";
import { CancelReportButton } from "@/components/compliance/cancel-report-button";
import { DeleteReportButton } from "@/components/compliance/delete-report-button";
import { LegalHoldButton } from "@/components/compliance/legal-hold-button";
import { reportDownloadUrl, type ReportResource } from "@/components/compliance/report-resource";
import { ShareReportDialog } from "@/components/share-links/share-report-dialog";
import { Button, buttonClassName } from "@/components/ui/button";

export function ReportActionsCell({
  report,
  isAdmin,
  onRegenerate,
  onRunAgain,
  wrap = false,
}: {
  report: ReportResource;
  isAdmin: boolean;
  onRegenerate: (report: ReportResource) => void;
  /** Opens Generate with this report's type and scope, for a new period. */
  onRunAgain: (report: ReportResource) => void;
  /** On a phone's card the actions wrap instead of scrolling off the screen. */
  wrap?: boolean;
}) {
  return (
    // One line whatever the status: a row must not grow and shift when its report completes.
    <div className={clsx("flex items-center gap-1.5 whitespace-nowrap", wrap ? "flex-wrap" : "flex-nowrap")}>
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
      {report.status === "completed" && isAdmin ? (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => onRunAgain(report)}
          aria-label={`Run again: ${report.title}`}
        >
          Run again
        </Button>
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
      {report.status === "completed" && isAdmin ? <LegalHoldButton report={report} /> : null}
      {/* A held report cannot be deleted: release the hold first. */}
      {isAdmin && !report.legalHold ? <DeleteReportButton report={report} /> : null}
    </div>
  );
}
