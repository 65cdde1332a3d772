// Chart data derived from a report document's section summaries (figures the
// engine aggregated in the database). A chart is derived only when its data is
// there, so a report type without logins simply has no logins chart.
import type { JsonValue, ReportDocument } from "@/components/compliance/report-document";

export type CategoryCount = { name: string; value: number };
export type DailySeries = {
  series: { key: string; label: string }[];
  rows: ({ day: string } & Record<string, number>)[];
};
export type LoginCounts = { by: "day" | "user"; rows: { label: string; logins: number; failures: number }[] };

export type ReportChartData = {
  daily: DailySeries | null;
  dlpBySeverity: CategoryCount[] | null;
  dlpByRule: CategoryCount[] | null;
  logins: LoginCounts | null;
  personalData: CategoryCount[] | null;
};

type JsonObject = { [key: string]: JsonValue };
const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const toNumber = (value: JsonValue | undefined): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/** { high: 3, low: 1 } or [{ severity: "high", count: 3 }] → [{ name, value }], largest first. */
export function toCategoryCounts(value: JsonValue | undefined, nameKeys: readonly string[]): CategoryCount[] | null {
  let counts: CategoryCount[] = [];
  if (isObject(value)) {
    for (const [name, raw] of Object.entries(value)) {
      const count = toNumber(raw) ?? (isObject(raw) ? toNumber(raw.count ?? raw.total ?? raw.violations) : null);
      if (count !== null) counts.push({ name, value: count });
    }
  } else if (Array.isArray(value)) {
    for (const item of value) {
      if (!isObject(item)) continue;
      const nameKey = nameKeys.find((key) => typeof item[key] === "string" || typeof item[key] === "number");
      const count = toNumber(item.count ?? item.total ?? item.violations ?? item.matches ?? item.occurrences);
      if (nameKey && count !== null) counts.push({ name: String(item[nameKey]), value: count });
    }
  } else return null;
  counts = counts.filter((item) => item.value > 0).sort((a, b) => b.value - a.value);
  return counts.length > 0 ? counts : null;
}

function findSummary(document: ReportDocument, pattern: RegExp): JsonObject[] {
  return Object.entries(document.sections)
    .filter(([key, section]) => pattern.test(key) || pattern.test(section.title))
    .map(([, section]) => section.summary as JsonObject);
}

function pick(summaries: JsonObject[], keys: readonly string[]): JsonValue | undefined {
  for (const summary of summaries) for (const key of keys) if (summary[key] !== undefined) return summary[key];
  return undefined;
}

/** Summaries carrying a per-day breakdown: [{ day, count }] or { "2026-01-01": 3 }. */
function dailyCounts(value: JsonValue | undefined): Map<string, number> | null {
  const days = new Map<string, number>();
  if (Array.isArray(value)) {
    for (const item of value) {
      if (!isObject(item)) continue;
      const day = item.day ?? item.date;
      const count = toNumber(item.count ?? item.total);
      if (typeof day === "string" && count !== null) days.set(day.slice(0, 10), count);
    }
  } else if (isObject(value)) {
    for (const [day, raw] of Object.entries(value)) {
      const count = toNumber(raw);
      if (/^\d{4}-\d{2}-\d{2}/.test(day) && count !== null) days.set(day.slice(0, 10), count);
    }
  }
  return days.size > 0 ? days : null;
}

const dailyKeys = ["daily", "byDay", "perDay", "dailyCounts", "activityByDay"] as const;

function deriveDaily(document: ReportDocument): DailySeries | null {
  const series: { key: string; label: string; days: Map<string, number> }[] = [];
  for (const section of Object.values(document.sections)) {
    for (const dailyKey of dailyKeys) {
      const days = dailyCounts(section.summary[dailyKey]);
      if (days) {
        series.push({ key: `s${series.length}`, label: section.title, days });
        break;
      }
    }
  }
  if (series.length === 0) return null;
  const allDays = [...new Set(series.flatMap((serie) => [...serie.days.keys()]))].sort();
  return {
    series: series.map(({ key, label }) => ({ key, label })),
    rows: allDays.map((day) => {
      const row: { day: string } & Record<string, number> = { day } as { day: string } & Record<string, number>;
      for (const serie of series) row[serie.key] = serie.days.get(day) ?? 0;
      return row;
    }),
  };
}

function deriveLogins(document: ReportDocument): LoginCounts | null {
  const summaries = findSummary(document, /auth|access|login/i);
  const byDay = pick(summaries, ["loginsByDay", "authenticationByDay", "signInsByDay"]);
  if (Array.isArray(byDay)) {
    const rows = byDay.filter(isObject).flatMap((item) => {
      const label = item.day ?? item.date;
      const logins = toNumber(item.logins ?? item.successes ?? item.success);
      const failures = toNumber(item.failures ?? item.failed ?? item.failure);
      return typeof label === "string" && logins !== null && failures !== null
        ? [{ label: label.slice(0, 10), logins, failures }]
        : [];
    });
    if (rows.length > 0) return { by: "day", rows };
  }
  const byUser = pick(summaries, ["loginsByUser", "failuresByUser", "byUser"]);
  if (Array.isArray(byUser)) {
    const rows = byUser.filter(isObject).flatMap((item) => {
      const label = item.user ?? item.email ?? item.actor ?? item.actorLabel;
      const logins = toNumber(item.logins ?? item.successes ?? item.success) ?? 0;
      const failures = toNumber(item.failures ?? item.failed ?? item.failure) ?? 0;
      return typeof label === "string" && logins + failures > 0 ? [{ label, logins, failures }] : [];
    });
    if (rows.length > 0) return { by: "user", rows };
  }
  const logins = toNumber(pick(summaries, ["logins", "successfulLogins", "loginSuccesses"]));
  const failures = toNumber(pick(summaries, ["failedLogins", "loginFailures", "failures"]));
  if (logins !== null && failures !== null && logins + failures > 0)
    return { by: "day", rows: [{ label: "Whole period", logins, failures }] };
  return null;
}

export function deriveReportCharts(document: ReportDocument): ReportChartData {
  const dlp = findSummary(document, /dlp/i);
  const personal = findSummary(document, /personal|pii/i);
  return {
    daily: deriveDaily(document),
    dlpBySeverity: toCategoryCounts(pick(dlp, ["bySeverity", "violationsBySeverity"]), ["severity", "name"]),
    dlpByRule: toCategoryCounts(pick(dlp, ["byRule", "violationsByRule"]), ["rule", "ruleName", "name", "ruleId"]),
    logins: deriveLogins(document),
    personalData: toCategoryCounts(pick(personal, ["byCategory", "categories", "matchesByCategory"]), [
      "category",
      "name",
      "kind",
    ]),
  };
}
