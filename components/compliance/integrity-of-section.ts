// A section that states the audit trail's integrity (summary.integrity, and
// summary.finding in words): what the viewer shows as a verdict, red when broken.
import type { ReportDocumentSection } from "@/components/compliance/report-document";

export type SectionIntegrity = { isBroken: boolean; finding: string };

export function integrityOfSection(section: ReportDocumentSection): SectionIntegrity | null {
  const { integrity, finding } = section.summary;
  if (integrity !== "verified" && integrity !== "broken") return null;
  return { isBroken: integrity === "broken", finding: typeof finding === "string" ? finding : "" };
}
