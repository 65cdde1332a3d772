"use client";
// The stored JSON of a completed report, for the viewer. Small files are parsed
// whole; files over `previewThresholdBytes` are streamed and cut to the first
// rows of each table (summaries, manifest and row counts stay complete), so a
// busy agent's export cannot freeze the tab. A completed report never changes,
// so the result is never refetched.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toApiError } from "@/lib/client/api-error";
import { readReportDocumentPreview } from "@/components/compliance/read-report-document-preview";
import {
  countRowsByDay,
  countTableRows,
  type LoadedReportDocument,
  type ReportDocument,
} from "@/components/compliance/report-document";
import { reportQueryKeys } from "@/components/compliance/report-query-keys";
import { reportDownloadUrl } from "@/components/compliance/report-resource";

export const previewThresholdBytes = 20 * 1024 * 1024;
export const previewRowsPerTable = 100;

export function useReportDocument(id: string, { jsonBytes, isEnabled }: { jsonBytes: number; isEnabled: boolean }) {
  const [bytesRead, setBytesRead] = useState(0);
  const isPreview = jsonBytes > previewThresholdBytes;
  const query = useQuery({
    queryKey: [...reportQueryKeys.document(id), isPreview ? "preview" : "full"],
    enabled: isEnabled,
    staleTime: Infinity,
    retry: false,
    queryFn: async ({ signal }): Promise<LoadedReportDocument> => {
      const response = await fetch(reportDownloadUrl(id, "json"), { signal, credentials: "same-origin" });
      if (!response.ok) throw await toApiError(response);
      if (!isPreview || !response.body) {
        const document = (await response.json()) as ReportDocument;
        return {
          document,
          rowCounts: countTableRows(document),
          dailyCounts: countRowsByDay(document),
          isPreview: false,
          previewRowsPerTable: null,
        };
      }
      const preview = await readReportDocumentPreview(response.body, {
        maxRowsPerTable: previewRowsPerTable,
        onBytes: setBytesRead,
      });
      return { ...preview, isPreview: true, previewRowsPerTable };
    },
  });
  return { ...query, bytesRead, isPreview };
}
