"use client";
// Admins only: stop a pending report. It can be regenerated afterwards.
import type { ReportResource } from "@/components/compliance/report-resource";
import { useCancelReport } from "@/components/compliance/use-cancel-report";
import { Button } from "@/components/ui/button";

export function CancelReportButton({ report }: { report: Pick<ReportResource, "id" | "title"> }) {
  const cancellation = useCancelReport();
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        disabled={cancellation.isPending}
        onClick={() => cancellation.mutate(report.id)}
        aria-label={`Cancel ${report.title}`}
      >
        {cancellation.isPending ? "Cancelling…" : "Cancel"}
      </Button>
      {cancellation.isError ? (
        <span role="alert" className="text-xs text-red-800">
          Not cancelled: {cancellation.error.message}
        </span>
      ) : null}
    </>
  );
}
