"use client";
// /dashboard/compliance: the Generate and Reports tabs (Radix Tabs: roles and arrow keys),
// the tab mirrored in the URL (?tab=reports), and the hand-offs between them
// (a generated report highlighted in Reports; Regenerate and Run again prefilling Generate).
import * as Tabs from "@radix-ui/react-tabs";
import { useCallback, useEffect, useRef, useState } from "react";
import { GenerateReportForm } from "@/components/compliance/generate-report-form";
import {
  defaultGenerateFormValues,
  generateFormValuesFor,
  type GenerateFormValues,
} from "@/components/compliance/generate-form-values";
import { writeReportFilters } from "@/components/compliance/report-filters-url";
import { noReportFilters, type ReportFilters } from "@/components/compliance/report-query-keys";
import { useReportTypeCatalogue } from "@/components/compliance/report-type-catalogue-context";
import type { ReportResource } from "@/components/compliance/report-resource";
import { ReportsPanel } from "@/components/compliance/reports-panel";
import { Alert } from "@/components/ui/alert";

export type ComplianceTab = "generate" | "reports";

const triggerClasses =
  "-mb-px border-b-2 border-transparent px-4 py-2.5 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-indigo-600 data-[state=active]:text-indigo-700";

export function ComplianceTabs({
  canGenerate,
  initialTab,
  initialFilters = noReportFilters,
}: {
  canGenerate: boolean;
  initialTab: ComplianceTab;
  /** From the URL, so a filtered list survives a reload or a shared link. */
  initialFilters?: ReportFilters;
}) {
  const [tab, setTab] = useState<ComplianceTab>(canGenerate ? initialTab : "reports");
  const catalogue = useReportTypeCatalogue();
  const [formValues, setFormValues] = useState<GenerateFormValues>(() => defaultGenerateFormValues(catalogue));
  // Bumped to remount the form with new initial values (Regenerate).
  const [formKey, setFormKey] = useState(0);
  const [filters, setFiltersState] = useState<ReportFilters>(initialFilters);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  // Which report the form was prefilled from, said above it and focused, so the switch of tab is not silent.
  const [prefill, setPrefill] = useState<{ title: string; action: "regenerate" | "run-again"; key: number } | null>(
    null,
  );
  const prefillNotice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (prefill) prefillNotice.current?.focus();
  }, [prefill]);

  const selectTab = useCallback((next: ComplianceTab) => {
    setTab(next);
    // Next.js keeps useSearchParams in sync with the History API; no server round-trip for a tab.
    const url = new URL(window.location.href);
    if (next === "reports") url.searchParams.set("tab", "reports");
    else url.searchParams.delete("tab");
    window.history.replaceState(window.history.state, "", url);
  }, []);

  const setFilters = useCallback((next: ReportFilters) => {
    setFiltersState(next);
    const url = writeReportFilters(new URL(window.location.href), next);
    window.history.replaceState(window.history.state, "", url);
  }, []);

  const onGenerated = (report: ReportResource) => {
    setHighlightedId(report.id);
    setFilters(noReportFilters);
    selectTab("reports");
  };

  const prefillFrom = (report: ReportResource, action: "regenerate" | "run-again") => {
    setFormValues(generateFormValuesFor(report));
    setFormKey((key) => key + 1);
    setPrefill({ title: report.title, action, key: formKey + 1 });
    selectTab("generate");
  };
  const onRegenerate = (report: ReportResource) => prefillFrom(report, "regenerate");
  const onRunAgain = (report: ReportResource) => prefillFrom(report, "run-again");

  return (
    <Tabs.Root value={tab} onValueChange={(value) => selectTab(value as ComplianceTab)}>
      <Tabs.List aria-label="Compliance" className="mb-6 flex gap-1 border-b border-slate-200 print:hidden">
        {canGenerate ? (
          <Tabs.Trigger value="generate" className={triggerClasses}>
            Generate
          </Tabs.Trigger>
        ) : null}
        <Tabs.Trigger value="reports" className={triggerClasses}>
          Reports
        </Tabs.Trigger>
      </Tabs.List>
      {canGenerate ? (
        // Kept mounted so a half-filled form survives a look at the Reports tab.
        <Tabs.Content value="generate" forceMount className="data-[state=inactive]:hidden">
          {prefill && prefill.key === formKey ? (
            <div ref={prefillNotice} tabIndex={-1} className="mb-4 rounded-lg focus:outline-none">
              <Alert tone="info" title={prefill.action === "run-again" ? "Run again" : "Regenerate"}>
                {prefill.action === "run-again"
                  ? `Same type and scope as “${prefill.title}”. Choose the new period, then Generate Report.`
                  : `The form is filled in as for “${prefill.title}”.`}
              </Alert>
            </div>
          ) : null}
          <GenerateReportForm
            key={formKey}
            initialValues={formValues}
            onGenerated={(report) => {
              setPrefill(null);
              onGenerated(report);
            }}
          />
        </Tabs.Content>
      ) : null}
      <Tabs.Content value="reports" forceMount className="data-[state=inactive]:hidden">
        <ReportsPanel
          filters={filters}
          onFiltersChange={setFilters}
          highlightedId={highlightedId}
          isAdmin={canGenerate}
          onRegenerate={onRegenerate}
          onRunAgain={onRunAgain}
          onGoToGenerate={canGenerate ? () => selectTab("generate") : undefined}
        />
      </Tabs.Content>
    </Tabs.Root>
  );
}
