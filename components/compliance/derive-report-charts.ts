// Chart data from a report document. Breakdowns come from the aggregate tables
// the engine computed in the database (violations_by_severity, sign_ins_by_user,
// by_category, …, see lib/compliance/reports); daily activity from the rows-per-day
// of each population table. A chart is derived only when its data is there, so a
// report type without logins simply has no logins chart.
import type { DailyRowCounts, JsonValue, ReportDocument, ReportRow } from "@/components/compliance/report-document";
import { chartedTables, type ChartedTable } from "@/lib/compliance/preview/report-preview";

export type CategoryCount = { name: string; value: number };
/**
 * The bars a chart draws (at most `maxBars`) and the totals of every category,
 * so its caption can say what part of the whole it shows.
 */
export type CategoryBreakdown = { items: CategoryCount[]; categoryCount: number; total: number };
export type DailySeries = {
  series: { key: string; label: string }[];
  rows: ({ day: string } & Record<string, number>)[];
  /** Populations with rows, and their records, including those not drawn. */
  seriesCount: number;
  total: number;
};
export type LoginCounts = {
  by: "user";
  rows: { label: string; logins: number; failures: number }[];
  /** Over every user of the table, drawn or not: what the section summary counts. */
  userCount: number;
  logins: number;
  failures: number;
};

export type ReportChartData = {
  daily: DailySeries | null;
  logins: LoginCounts | null;
  dlpBySeverity: CategoryBreakdown | null;
  dlpByRule: CategoryBreakdown | null;
  personalData: CategoryBreakdown | null;
  auditByCategory: CategoryBreakdown | null;
};

const maxDays = 5 * 366 + 1;
export const maxBars = 15;
export const maxDailySeriesShown = 8;
const severityOrder = ["critical", "high", "medium", "low"];

const asNumber = (value: JsonValue | undefined): number =>
  typeof value === "number" && Number.isFinite(value) ? value : 0;
const asText = (value: JsonValue | undefined): string | null =>
  typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : null;

/** One of the aggregate tables the preview keeps whole (lib/compliance/preview). */
function table(document: ReportDocument, { section, table: name }: ChartedTable): ReportRow[] | null {
  return document.sections[section]?.tables[name] ?? null;
}

/** Rows of { name, count } → bars, largest first (or in a fixed order), zeros dropped. */
function categoryCounts(
  rows: ReportRow[] | null,
  nameOf: (row: ReportRow) => string | null,
  valueKey: string,
  order?: readonly string[],
): CategoryBreakdown | null {
  if (!rows) return null;
  const totals = new Map<string, number>();
  for (const row of rows) {
    const name = nameOf(row);
    if (name !== null) totals.set(name, (totals.get(name) ?? 0) + asNumber(row[valueKey]));
  }
  const counts = [...totals].map(([name, value]) => ({ name, value })).filter((item) => item.value > 0);
  counts.sort((a, b) =>
    order
      ? rank(order, a.name) - rank(order, b.name) || b.value - a.value
      : b.value - a.value || (a.name < b.name ? -1 : 1),
  );
  if (counts.length === 0) return null;
  return {
    items: counts.slice(0, maxBars),
    categoryCount: counts.length,
    total: counts.reduce((sum, item) => sum + item.value, 0),
  };
}

function rank(order: readonly string[], name: string): number {
  const index = order.indexOf(name.toLowerCase());
  return index === -1 ? order.length : index;
}

function utcDays(from: string, to: string): string[] | null {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= end; at += 86_400_000) {
    days.push(new Date(at).toISOString().slice(0, 10));
    if (days.length > maxDays) return null;
  }
  return days;
}

function deriveDaily(document: ReportDocument, dailyCounts: DailyRowCounts): DailySeries | null {
  const series: { key: string; label: string; days: Record<string, number>; total: number }[] = [];
  for (const [sectionKey, tables] of Object.entries(dailyCounts)) {
    const section = document.sections[sectionKey];
    const tableEntries = Object.entries(tables).filter(([, days]) => Object.keys(days).length > 0);
    for (const [name, days] of tableEntries) {
      const title = section?.title ?? sectionKey;
      series.push({
        key: `series${series.length}`,
        label: tableEntries.length > 1 ? `${title} (${name.replaceAll("_", " ")})` : title,
        days,
        total: Object.values(days).reduce((sum, count) => sum + count, 0),
      });
    }
  }
  if (series.length === 0) return null;
  // The busiest populations, when a report has more than a chart can show legibly.
  const shown = [...series].sort((a, b) => b.total - a.total).slice(0, maxDailySeriesShown);
  const seen = shown.flatMap((serie) => Object.keys(serie.days)).sort();
  const range = document.report.scope?.dateRange;
  const days = (range ? utcDays(range.from, range.to) : null) ?? utcDays(seen[0]!, seen.at(-1)!) ?? seen;
  return {
    seriesCount: series.length,
    total: series.reduce((sum, serie) => sum + serie.total, 0),
    series: shown.map(({ key, label }) => ({ key, label })),
    rows: days.map((day) => {
      const row = { day } as { day: string } & Record<string, number>;
      for (const serie of shown) row[serie.key] = serie.days[day] ?? 0;
      return row;
    }),
  };
}

function deriveLogins(document: ReportDocument): LoginCounts | null {
  const rows = table(document, chartedTables.signInsByUser);
  if (!rows) return null;
  const byUser = new Map<string, { logins: number; failures: number }>();
  for (const row of rows) {
    const label = asText(row.actor) ?? asText(row.actor_id) ?? "unknown account";
    const tally = byUser.get(label) ?? { logins: 0, failures: 0 };
    const isFailure = row.action === "auth.login_failed" || row.outcome === "failure";
    if (isFailure) tally.failures += asNumber(row.count);
    else if (row.action === "auth.login") tally.logins += asNumber(row.count);
    byUser.set(label, tally);
  }
  const users = [...byUser]
    .map(([label, tally]) => ({ label, ...tally }))
    .filter((row) => row.logins + row.failures > 0)
    .sort((a, b) => b.logins + b.failures - (a.logins + a.failures));
  if (users.length === 0) return null;
  return {
    by: "user",
    rows: users.slice(0, maxBars),
    userCount: users.length,
    logins: users.reduce((sum, row) => sum + row.logins, 0),
    failures: users.reduce((sum, row) => sum + row.failures, 0),
  };
}

export function deriveReportCharts(document: ReportDocument, dailyCounts: DailyRowCounts): ReportChartData {
  return {
    daily: deriveDaily(document, dailyCounts),
    logins: deriveLogins(document),
    dlpBySeverity: categoryCounts(
      table(document, chartedTables.dlpBySeverity),
      (row) => asText(row.severity),
      "count",
      severityOrder,
    ),
    dlpByRule: categoryCounts(
      table(document, chartedTables.dlpByRule),
      (row) => asText(row.rule_name) ?? asText(row.rule_id),
      "count",
    ),
    personalData: categoryCounts(
      table(document, chartedTables.personalDataByCategory),
      (row) => asText(row.category)?.replaceAll("_", " ") ?? null,
      "occurrence_count",
    ),
    auditByCategory: categoryCounts(
      table(document, chartedTables.auditByCategory),
      (row) => asText(row.category)?.replaceAll("_", " ") ?? null,
      "count",
    ),
  };
}
