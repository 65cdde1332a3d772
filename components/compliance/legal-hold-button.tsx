"use client";
// Places or releases a report's legal hold (admins): a held report is never purged and cannot be deleted.
import type { ReportResource } from "@/components/compliance/report-resource";
import { useSetLegalHold } from "@/components/compliance/use-set-legal-hold";
import { Button } from "@/components/ui/button";

export function LegalHoldButton({ report }: { report: ReportResource }) {
  const setHold = useSetLegalHold();
  const next = !report.legalHold;
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        disabled={setHold.isPending}
        onClick={() => setHold.mutate({ id: report.id, legalHold: next })}
        aria-label={`${next ? "Place legal hold on" : "Release legal hold on"} ${report.title}`}
      >
        {next ? "Legal hold" : "Release hold"}
      </Button>
      {setHold.isError ? (
        <span role="alert" className="text-xs text-red-700">
          {setHold.error.message}
        </span>
      ) : null}
    </>
  );
}
