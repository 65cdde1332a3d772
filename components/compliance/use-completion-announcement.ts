"use client";
// What a polite live region says when reports on screen finish: "“SOC2 Summary …”
// is ready." or "… failed." Only reports seen pending earlier in this page's life
// count, so opening the list announces nothing.
import { useState } from "react";
import type { ReportResource } from "@/components/compliance/report-resource";

type Seen = ReadonlyMap<string, ReportResource["status"]>;

export function useCompletionAnnouncement(reports: readonly ReportResource[]): string {
  const [seen, setSeen] = useState<Seen>(() => statusesOf(reports));
  const [message, setMessage] = useState("");
  const current = statusesOf(reports);
  if (!sameStatuses(seen, current)) {
    // Adjusting state while rendering (React's "storing information from previous renders").
    setSeen(current);
    const finished = reports.filter((report) => seen.get(report.id) === "pending" && report.status !== "pending");
    if (finished.length > 0) setMessage(finished.map(describeOutcome).join(" "));
  }
  return message;
}

function describeOutcome(report: ReportResource): string {
  if (report.status === "completed") return `“${report.title}” is ready to download.`;
  if (report.status === "failed") return `“${report.title}” failed: ${report.error ?? "no reason was recorded"}.`;
  return `“${report.title}” was ${report.status}.`;
}

function statusesOf(reports: readonly ReportResource[]): Seen {
  return new Map(reports.map((report) => [report.id, report.status]));
}

function sameStatuses(a: Seen, b: Seen): boolean {
  if (a.size !== b.size) return false;
  for (const [id, status] of b) if (a.get(id) !== status) return false;
  return true;
}
