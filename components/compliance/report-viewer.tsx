"use client";
// /dashboard/compliance/reports/:id — a completed report's stored JSON rendered
// for people; pending and failed reports show their state (pending is polled).
import Link from "next/link";
import { ApiError } from "@/lib/client/api-error";
import { ReportDocumentView } from "@/components/compliance/report-document-view";
import { ReportStatusCell } from "@/components/compliance/report-status-cell";
import { ReportTypeBadge } from "@/components/compliance/report-type-badge";
import { useReport } from "@/components/compliance/use-report";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export function ReportViewer({ id, canShare = false }: { id: string; canShare?: boolean }) {
  const report = useReport(id);

  if (report.isPending)
    return (
      <p role="status" className="text-sm text-slate-600">
        Loading the report…
      </p>
    );
  if (report.isError && !report.data) {
    const isMissing = report.error instanceof ApiError && report.error.status === 404;
    return (
      <Alert tone="error" title={isMissing ? "Report not found" : "Could not load the report"}>
        <p>{isMissing ? "It may have been deleted, or it belongs to another organization." : report.error.message}</p>
        <div className="mt-3 flex gap-2">
          {isMissing ? null : (
            <Button variant="secondary" size="sm" onClick={() => report.refetch()}>
              Retry
            </Button>
          )}
          <Link href="/dashboard/compliance?tab=reports" className={buttonClassName("secondary", "sm")}>
            Back to reports
          </Link>
        </div>
      </Alert>
    );
  }

  const data = report.data;
  if (data.status !== "completed") {
    return (
      <Card className="p-6">
        <div className="flex items-center gap-2">
          <ReportTypeBadge type={data.type} />
        </div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight break-words">{data.title}</h1>
        <div className="mt-4">
          <ReportStatusCell report={data} />
        </div>
        <p className="mt-4 text-sm text-slate-600">
          {data.status === "pending"
            ? "The report is being generated. This page updates by itself and shows the report once it is complete."
            : data.status === "purged"
              ? `This report's files were purged after the organization's retention period. Its record remains: the period and agents it covered, when it was generated, its files' SHA-256 (JSON ${data.artifacts?.json?.sha256 ?? "unknown"}) and its signed statement.`
              : data.status === "cancelled"
                ? "This report was cancelled before it was complete, so there is nothing to view. An admin can regenerate it from the Reports tab."
                : "This report failed, so there is nothing to view. An admin can regenerate it from the Reports tab."}
        </p>
      </Card>
    );
  }
  return <ReportDocumentView report={data} canShare={canShare} />;
}
