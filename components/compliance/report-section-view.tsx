// One report section: title, what it evidences (SOC2 criteria), summary, and its tables.
import { humanizeKey } from "@/components/compliance/format-cell-value";
import { integrityOfSection } from "@/components/compliance/integrity-of-section";
import { IntegrityVerdict } from "@/components/compliance/integrity-verdict";
import { PaginatedRowsTable } from "@/components/compliance/paginated-rows-table";
import type { ReportDocumentSection } from "@/components/compliance/report-document";
import { SectionSummary } from "@/components/compliance/section-summary";
import { Card } from "@/components/ui/card";

export function ReportSectionView({
  sectionKey,
  section,
  rowCounts,
}: {
  sectionKey: string;
  section: ReportDocumentSection;
  rowCounts: Record<string, number>;
}) {
  const headingId = `section-${sectionKey}`;
  const integrity = integrityOfSection(section);
  // The verdict states the finding; the figures below need not repeat it.
  const summary = integrity
    ? Object.fromEntries(Object.entries(section.summary).filter(([key]) => key !== "finding"))
    : section.summary;
  return (
    <Card
      aria-labelledby={headingId}
      className={integrity?.isBroken ? "report-section p-4 ring-2 ring-red-300 sm:p-6" : "report-section p-4 sm:p-6"}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={headingId} className="scroll-mt-20 text-lg font-semibold text-slate-900">
          {section.title}
        </h2>
        {section.criteria.length > 0 ? (
          <ul className="flex flex-wrap gap-1" aria-label="Trust Services Criteria">
            {section.criteria.map((criterion) => (
              <li
                key={criterion}
                className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700 ring-1 ring-slate-200 ring-inset"
              >
                {criterion}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {integrity ? <IntegrityVerdict integrity={integrity} className="mt-3 mb-2" /> : null}
      {section.description ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{section.description}</p> : null}
      <div className="mt-4">
        <SectionSummary summary={summary} />
      </div>
      <div className="mt-5 grid grid-cols-1 gap-5">
        {Object.entries(section.tables).map(([name, rows]) => (
          <PaginatedRowsTable
            key={name}
            caption={humanizeKey(name)}
            rows={rows}
            totalRows={rowCounts[name] ?? rows.length}
          />
        ))}
      </div>
    </Card>
  );
}
