"use client";
// The viewer's charts, each drawn only when the report holds its data.
import { useMemo } from "react";
import { CategoryBarChart } from "@/components/compliance/category-bar-chart";
import { severityColors } from "@/components/compliance/chart-colors";
import { DailyActivityChart } from "@/components/compliance/daily-activity-chart";
import { deriveReportCharts } from "@/components/compliance/derive-report-charts";
import { LoginsChart } from "@/components/compliance/logins-chart";
import type { DailyRowCounts, ReportDocument } from "@/components/compliance/report-document";

export function ReportCharts({ document, dailyCounts }: { document: ReportDocument; dailyCounts: DailyRowCounts }) {
  const charts = useMemo(() => deriveReportCharts(document, dailyCounts), [document, dailyCounts]);
  const hasAny = Object.values(charts).some(Boolean);
  return (
    <section aria-labelledby="charts" className="report-section">
      <h2 id="charts" className="scroll-mt-20 text-lg font-semibold">
        Charts
      </h2>
      {hasAny ? (
        <div className="mt-3 grid grid-cols-1 items-start gap-4 lg:grid-cols-2">
          {charts.daily ? <DailyActivityChart data={charts.daily} /> : null}
          {charts.logins ? <LoginsChart data={charts.logins} /> : null}
          {charts.dlpBySeverity ? (
            <CategoryBarChart
              id="chart-dlp-severity"
              title="DLP violations by severity"
              valueLabel="Violations"
              nouns={["severities", "violations"]}
              breakdown={charts.dlpBySeverity}
              colors={severityColors}
            />
          ) : null}
          {charts.dlpByRule ? (
            <CategoryBarChart
              id="chart-dlp-rule"
              title="DLP violations by rule"
              valueLabel="Violations"
              nouns={["rules", "violations"]}
              breakdown={charts.dlpByRule}
            />
          ) : null}
          {charts.auditByCategory ? (
            <CategoryBarChart
              id="chart-audit-category"
              title="Administrative events by category"
              valueLabel="Events"
              nouns={["categories", "events"]}
              breakdown={charts.auditByCategory}
            />
          ) : null}
          {charts.personalData ? (
            <CategoryBarChart
              id="chart-personal-data"
              title="Personal data detected, by category"
              valueLabel="Detections"
              nouns={["categories", "detections"]}
              breakdown={charts.personalData}
            />
          ) : null}
        </div>
      ) : (
        <p className="mt-1 text-sm text-slate-600">This report has no figures to chart for its period.</p>
      )}
    </section>
  );
}
