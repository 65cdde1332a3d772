// The report's contents: each section with its row count, the sections with
// exceptions highlighted and their exceptions named. Beside the report on wide
// screens, where it stays in view while the report scrolls; above it otherwise.
import clsx from "clsx";
import type { ReportDocument } from "@/components/compliance/report-document";
import { sectionExceptions, sectionRowCount } from "@/components/compliance/section-exceptions";

const rowWord = (count: number) => (count === 1 ? "row" : "rows");

export function ReportContents({
  document,
  rowCounts,
}: {
  document: ReportDocument;
  rowCounts: Record<string, Record<string, number>>;
}) {
  const manifestRows = document.manifest.length;
  return (
    <nav
      aria-label="Report contents"
      className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm print:hidden xl:sticky xl:top-20 xl:max-h-[calc(100vh-6rem)] xl:overflow-y-auto"
    >
      <p className="mb-2 px-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Contents</p>
      <ul className="grid gap-0.5 sm:grid-cols-2 xl:grid-cols-1">
        <li>
          <a
            className="flex justify-between gap-2 rounded px-2 py-1 text-indigo-700 hover:bg-slate-50"
            href="#manifest"
          >
            <span>Population manifest</span>
            <span className="text-xs text-slate-500 tabular-nums">
              {manifestRows} {manifestRows === 1 ? "source" : "sources"}
            </span>
          </a>
        </li>
        <li>
          <a className="block rounded px-2 py-1 text-indigo-700 hover:bg-slate-50" href="#charts">
            Charts
          </a>
        </li>
        {Object.entries(document.sections).map(([key, section]) => {
          const rows = sectionRowCount(section, rowCounts[key] ?? {});
          const exceptions = sectionExceptions(section);
          const hasExceptions = exceptions.length > 0;
          return (
            <li key={key}>
              <a
                className={clsx(
                  "block rounded border-l-2 px-2 py-1 hover:bg-slate-50",
                  hasExceptions ? "border-red-600 bg-red-50/60" : "border-transparent",
                )}
                href={`#section-${key}`}
              >
                <span className="flex justify-between gap-2">
                  <span className="text-indigo-700">{section.title}</span>
                  <span className="shrink-0 text-xs text-slate-500 tabular-nums">
                    {rows.toLocaleString("en-US")} {rowWord(rows)}
                  </span>
                </span>
                {hasExceptions ? (
                  <span className="mt-0.5 block text-xs text-red-800">
                    <span className="sr-only">Exceptions: </span>
                    {exceptions.join(" · ")}
                  </span>
                ) : null}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
