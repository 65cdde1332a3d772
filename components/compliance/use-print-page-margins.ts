"use client";
// What every printed page of a report carries in its margins (globals.css, @page
// report): the report id and title, when it was generated, the SHA-256 of its
// files, and "Page n of m". The page margins can only show CSS values, so the
// viewer hands them over as custom properties on <html>, which the page context
// inherits; set through the CSSOM, no inline <style> is needed.
import { useEffect } from "react";
import type { ReportResource } from "@/components/compliance/report-resource";
import { formatDateTime } from "@/lib/client/format-date-time";

/** A CSS string token: the value of a custom property read by `content: var(…)`. */
export function toCssString(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&").replace(/[\n\r\f]/g, " ")}"`;
}

export function printPageMargins(report: ReportResource): Record<string, string> {
  const sha = (format: "json" | "csv") => report.artifacts?.[format]?.sha256;
  const digests = [sha("json") && `JSON SHA-256 ${sha("json")}`, sha("csv") && `CSV SHA-256 ${sha("csv")}`];
  return {
    "--report-print-header": toCssString(`Attest report ${report.id} · ${report.title}`),
    "--report-print-generated": toCssString(
      report.completedAt ? `Generated ${formatDateTime(report.completedAt)}` : "",
    ),
    "--report-print-digest": toCssString(digests.filter(Boolean).join(" · ")),
  };
}

export function usePrintPageMargins(report: ReportResource): void {
  useEffect(() => {
    const style = document.documentElement.style;
    const properties = printPageMargins(report);
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    return () => {
      for (const name of Object.keys(properties)) style.removeProperty(name);
    };
  }, [report]);
}
