"use client";
import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";

export type RegisterImportResult = { accepted: number; created: number; updated: number };

/** Sends the chosen spreadsheet as it is; the server judges every row. */
export function useImportProcessingRegister() {
  return useMutation({
    mutationFn: async (file: File) =>
      fetchJson<RegisterImportResult>("/api/engine/compliance/processing-activities/import", {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: await file.text(),
      }),
  });
}
