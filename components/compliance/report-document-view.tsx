"use client";
// A completed report: header with file hashes, the contents (sticky beside the report on wide
// screens), population manifest, charts, and every section;
// for those who may share it (admins), Share and the report's share links.
import { ApiError } from "@/lib/client/api-error";
import { integrityOfSection } from "@/components/compliance/integrity-of-section";
import { ManifestTable } from "@/components/compliance/manifest-table";
import { ReportCharts } from "@/components/compliance/report-charts";
import { ReportContents } from "@/components/compliance/report-contents";
import { ReportHeader } from "@/components/compliance/report-header";
import { reportDownloadUrl, type ReportResource } from "@/components/compliance/report-resource";
import { ReportSectionView } from "@/components/compliance/report-section-view";
import { usePrintPageMargins } from "@/components/compliance/use-print-page-margins";
import { useReportDocument } from "@/components/compliance/use-report-document";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ShareLinksPanel } from "@/components/share-links/share-links-panel";
import { ShareReportDialog } from "@/components/share-links/share-report-dialog";

export function ReportDocumentView({ report, canShare = false }: { report: ReportResource; canShare?: boolean }) {
  const loaded = useReportDocument(report.id, { isEnabled: true });
  const data = loaded.data;
  usePrintPageMargins(report);
  // A broken audit trail is stated before anything else: never passed over silently.
  const brokenIntegrity = data
    ? Object.entries(data.document.sections).filter(([, section]) => integrityOfSection(section)?.isBroken)
    : [];

  return (
    <div className="grid grid-cols-1 gap-6" data-print-document="">
      <ReportHeader
        report={report}
        header={data?.document.report ?? null}
        actions={
          <div className="flex flex-wrap gap-2">
            {canShare ? <ShareReportDialog report={report} /> : null}
            <Button variant="secondary" size="sm" onClick={() => window.print()}>
              Print / Save as PDF
            </Button>
          </div>
        }
      />

      {canShare ? <ShareLinksPanel reportId={report.id} /> : null}

      {loaded.isPending ? (
        <Card className="p-6" role="status">
          <p className="text-sm text-slate-700">Reading the report…</p>
        </Card>
      ) : null}

      {loaded.isError ? (
        <Alert tone="error" title="Could not read the report">
          <p>
            {loaded.error instanceof ApiError
              ? loaded.error.message
              : `The report could not be read (${loaded.error.message}).`}{" "}
            The files themselves can still be downloaded:{" "}
            <a className="underline" href={reportDownloadUrl(report.id, "json")} target="_blank" rel="noopener">
              JSON
            </a>{" "}
            or{" "}
            <a className="underline" href={reportDownloadUrl(report.id, "csv")} target="_blank" rel="noopener">
              CSV
            </a>
            .
          </p>
        </Alert>
      ) : null}

      {data ? (
        <>
          {brokenIntegrity.map(([key, section]) => (
            <Alert key={key} tone="error" title="Integrity finding: the audit trail does not verify">
              <p>
                {integrityOfSection(section)?.finding}{" "}
                <a className="underline" href={`#section-${key}`}>
                  See {section.title}
                </a>
                .
              </p>
            </Alert>
          ))}
          {data.isPreview ? (
            <Alert tone="info" title="Showing each long table's first rows">
              Summaries, charts, the manifest and row counts are complete; a longer table shows its first{" "}
              {data.previewRowsPerTable} rows. Download the JSON or CSV for every row.
            </Alert>
          ) : null}

          <div className="grid grid-cols-1 gap-6 xl:grid-cols-[16rem_minmax(0,1fr)] xl:items-start print:block">
            <ReportContents document={data.document} rowCounts={data.rowCounts} />
            <div className="grid min-w-0 grid-cols-1 gap-6">
              <Card aria-labelledby="manifest" className="report-section p-4 sm:p-6">
                <h2 id="manifest" className="scroll-mt-20 text-lg font-semibold">
                  Population manifest
                </h2>
                <p className="mt-1 mb-4 max-w-3xl text-sm text-slate-600">
                  Every source the report read, with the filter applied and the full row count, so a sample can be drawn
                  from a known, complete population.
                </p>
                <ManifestTable manifest={data.document.manifest} />
              </Card>

              <ReportCharts document={data.document} dailyCounts={data.dailyCounts} />

              {Object.entries(data.document.sections).map(([key, section]) => (
                <ReportSectionView key={key} sectionKey={key} section={section} rowCounts={data.rowCounts[key] ?? {}} />
              ))}
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}
