// What each viewer chart's caption says: the figures it draws, and when it
// draws only the largest part ("top 15 users: 223 of 237 failed sign-ins"),
// how that part compares with the whole the section summary and tables count.
import type { CategoryBreakdown, DailySeries, LoginCounts } from "@/components/compliance/derive-report-charts";

const count = (value: number) => value.toLocaleString("en-US");
const plural = (value: number, one: string, many: string) => `${count(value)} ${value === 1 ? one : many}`;

export function loginsCaption(data: LoginCounts): string {
  const shownLogins = data.rows.reduce((sum, row) => sum + row.logins, 0);
  const shownFailures = data.rows.reduce((sum, row) => sum + row.failures, 0);
  if (data.rows.length === data.userCount) {
    return `${count(data.logins)} successful and ${count(data.failures)} failed sign-ins, by user (${plural(data.userCount, "user", "users")}).`;
  }
  return (
    `Top ${data.rows.length} of ${count(data.userCount)} users: ${count(shownLogins)} of ${count(data.logins)} successful ` +
    `and ${count(shownFailures)} of ${count(data.failures)} failed sign-ins; the table lists every user.`
  );
}

/** `nouns`: the categories and the things counted, plural, e.g. ["rules", "violations"]. */
export function categoryCaption(data: CategoryBreakdown, nouns: readonly [string, string]): string {
  const [categories, things] = nouns;
  const bars = data.items.map((item) => `${item.name}: ${count(item.value)}`).join("; ");
  if (data.items.length === data.categoryCount) return `${count(data.total)} ${things}. ${bars}.`;
  const shown = data.items.reduce((sum, item) => sum + item.value, 0);
  return `Top ${data.items.length} of ${count(data.categoryCount)} ${categories}: ${count(shown)} of ${count(data.total)} ${things}. ${bars}.`;
}

export function dailyCaption(data: DailySeries): string {
  const shown = data.rows.reduce(
    (sum, row) => sum + data.series.reduce((rowSum, serie) => rowSum + (row[serie.key] ?? 0), 0),
    0,
  );
  const days = plural(data.rows.length, "UTC day", "UTC days");
  if (data.series.length === data.seriesCount) return `${count(data.total)} records over ${days}, per population.`;
  return `The ${data.series.length} largest of ${data.seriesCount} populations: ${count(shown)} of ${count(data.total)} records over ${days}.`;
}
