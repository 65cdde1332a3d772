"use client";
// Admins only: delete a report and its stored files, after a confirmation dialog.
import type { ReportResource } from "@/components/compliance/report-resource";
import { useDeleteReport } from "@/components/compliance/use-delete-report";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function DeleteReportButton({ report }: { report: Pick<ReportResource, "id" | "title"> }) {
  const deletion = useDeleteReport();
  return (
    <ConfirmDialog
      trigger={
        <Button
          variant="ghost"
          size="sm"
          className="text-red-700 hover:bg-red-50"
          aria-label={`Delete ${report.title}`}
        >
          Delete
        </Button>
      }
      title="Delete this report?"
      description={
        <>
          “{report.title}” and its stored JSON and CSV files will be deleted for everyone in the organization. Copies
          already downloaded are not affected. This cannot be undone.
        </>
      }
      confirmLabel="Delete report"
      pendingLabel="Deleting…"
      errorTitle="The report was not deleted"
      mutation={deletion}
      onConfirm={(close) => deletion.mutate(report.id, { onSuccess: close })}
    />
  );
}
