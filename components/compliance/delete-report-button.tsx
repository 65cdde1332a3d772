"use client";
// Admins only: delete a report and its stored files, after a confirmation dialog.
import { useState } from "react";
import type { ReportResource } from "@/components/compliance/report-resource";
import { useDeleteReport } from "@/components/compliance/use-delete-report";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/dialog";

export function DeleteReportButton({ report }: { report: Pick<ReportResource, "id" | "title"> }) {
  const [isOpen, setIsOpen] = useState(false);
  const deletion = useDeleteReport();

  return (
    <AlertDialog
      open={isOpen}
      onOpenChange={(open) => {
        setIsOpen(open);
        if (!open) deletion.reset();
      }}
    >
      <AlertDialogTrigger asChild>
        <Button
          variant="ghost"
          size="sm"
          className="text-red-700 hover:bg-red-50"
          aria-label={`Delete ${report.title}`}
        >
          Delete
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>Delete this report?</AlertDialogTitle>
        <AlertDialogDescription>
          “{report.title}” and its stored JSON and CSV files will be deleted for everyone in the organization. Copies
          already downloaded are not affected. This cannot be undone.
        </AlertDialogDescription>
        {deletion.isError ? (
          <Alert tone="error" title="The report was not deleted" className="mt-4">
            {deletion.error.message}
          </Alert>
        ) : null}
        <div className="mt-6 flex justify-end gap-3">
          <AlertDialogCancel asChild>
            <Button variant="secondary">Cancel</Button>
          </AlertDialogCancel>
          {/* Not AlertDialogAction: the dialog stays open until the delete succeeds or fails. */}
          <Button
            variant="danger"
            disabled={deletion.isPending}
            onClick={() => deletion.mutate(report.id, { onSuccess: () => setIsOpen(false) })}
          >
            {deletion.isPending ? "Deleting…" : "Delete report"}
          </Button>
        </div>
      </AlertDialogContent>
    </AlertDialog>
  );
}
