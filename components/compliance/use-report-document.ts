"use client";
// What the viewer shows of a completed report: its preview, stored at
// generation (summaries, manifest, each table's first rows, every table's row
// count and rows per day), so opening a report never reads its whole file. A
// completed report never changes, so the result is never refetched.
import { useQuery } from "@tanstack/react-query";
import { toApiError } from "@/lib/client/api-error";
import type { LoadedReportDocument, ReportDocument } from "@/components/compliance/report-document";
import type { ReportPreview } from "@/lib/compliance/preview/report-preview";
import { reportQueryKeys } from "@/components/compliance/report-query-keys";
import { reportPreviewUrl } from "@/components/compliance/report-resource";

export function useReportDocument(id: string, { isEnabled }: { isEnabled: boolean }) {
  return useQuery({
    queryKey: reportQueryKeys.document(id),
    enabled: isEnabled,
    staleTime: Infinity,
    retry: false,
    queryFn: async ({ signal }): Promise<LoadedReportDocument> => {
      const response = await fetch(reportPreviewUrl(id), { signal, credentials: "same-origin" });
      if (!response.ok) throw await toApiError(response);
      const preview = (await response.json()) as ReportPreview;
      const isCut = Object.entries(preview.rowCounts).some(([key, tables]) =>
        Object.entries(tables).some(
          ([name, count]) => count > (preview.document.sections[key]?.tables[name]?.length ?? 0),
        ),
      );
      return {
        document: preview.document as ReportDocument,
        rowCounts: preview.rowCounts,
        dailyCounts: preview.dailyCounts,
        isPreview: isCut,
        previewRowsPerTable: preview.rowsPerTable,
      };
    },
  });
}
