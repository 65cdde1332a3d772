"use client";
// The Reports tab: filters, the live history, "Load more", and the empty/loading/error states.
import { ReportFiltersBar } from "@/components/compliance/report-filters";
import { isReportListFiltered, noReportFilters, type ReportFilters } from "@/components/compliance/report-query-keys";
import type { ReportResource } from "@/components/compliance/report-resource";
import { findReportSortOption } from "@/components/compliance/report-sort-options";
import { ReportsTable } from "@/components/compliance/reports-table";
import { useCompletionAnnouncement } from "@/components/compliance/use-completion-announcement";
import { useReports } from "@/components/compliance/use-reports";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export function ReportsPanel({
  filters,
  onFiltersChange,
  highlightedId,
  isAdmin,
  onRegenerate,
  onRunAgain,
  onGoToGenerate,
}: {
  filters: ReportFilters;
  onFiltersChange: (filters: ReportFilters) => void;
  highlightedId: string | null;
  isAdmin: boolean;
  onRegenerate: (report: ReportResource) => void;
  onRunAgain: (report: ReportResource) => void;
  onGoToGenerate?: () => void;
}) {
  const reports = useReports(filters);
  const rows = reports.data?.pages.flatMap((page) => page.reports) ?? [];
  const isFiltered = isReportListFiltered(filters);
  const isPolling = rows.some((report) => report.status === "pending");
  const completion = useCompletionAnnouncement(rows);

  const body = () => {
    if (reports.isPending)
      return (
        <p className="p-6 text-sm text-slate-600" role="status">
          Loading reports…
        </p>
      );
    if (reports.isError && !reports.data)
      return (
        <div className="p-4">
          <Alert tone="error" title="Could not load the reports">
            <p>{reports.error.message}</p>
            <Button variant="secondary" size="sm" className="mt-2" onClick={() => reports.refetch()}>
              Retry
            </Button>
          </Alert>
        </div>
      );
    if (rows.length === 0)
      return (
        <div className="p-8 text-center">
          <p className="font-medium text-slate-900">
            {isFiltered ? "No reports match these filters." : "No reports yet."}
          </p>
          {isFiltered ? (
            <Button variant="secondary" className="mt-3" onClick={() => onFiltersChange(noReportFilters)}>
              Clear filters
            </Button>
          ) : onGoToGenerate ? (
            <>
              <p className="mt-1 text-sm text-slate-600">Generate your first report; it will appear here.</p>
              <Button className="mt-3" onClick={onGoToGenerate}>
                Go to Generate
              </Button>
            </>
          ) : (
            <p className="mt-1 text-sm text-slate-600">An admin of your organization can generate one.</p>
          )}
        </div>
      );
    return (
      <>
        {reports.isRefetchError ? (
          <div className="p-3">
            <Alert tone="warning">
              Could not refresh the reports ({reports.error.message}); showing the last known state.
            </Alert>
          </div>
        ) : null}
        <ReportsTable
          reports={rows}
          highlightedId={highlightedId}
          isAdmin={isAdmin}
          onRegenerate={onRegenerate}
          onRunAgain={onRunAgain}
          sortedBy={findReportSortOption(filters.sort, filters.order)}
        />
        {reports.hasNextPage ? (
          <div className="border-t border-slate-200 p-3 text-center">
            <Button variant="secondary" disabled={reports.isFetchingNextPage} onClick={() => reports.fetchNextPage()}>
              {reports.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          </div>
        ) : null}
        {reports.isFetchNextPageError ? (
          <div className="p-3">
            <Alert tone="error">Could not load more reports: {reports.error?.message}</Alert>
          </div>
        ) : null}
      </>
    );
  };

  return (
    <div className="grid grid-cols-1 gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <ReportFiltersBar value={filters} onChange={onFiltersChange} />
        <p className="text-xs text-slate-500" aria-live="polite">
          {isPolling ? "Updating every 2 seconds while a report is generating…" : ""}
        </p>
        {/* Said once when a report finishes; screen readers hear it without losing their place. */}
        <p className="sr-only" role="status" aria-live="polite" data-testid="report-completion">
          {completion}
        </p>
      </div>
      <Card className="overflow-hidden">{body()}</Card>
    </div>
  );
}
