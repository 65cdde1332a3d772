import { getDatabaseProvider } from "@/lib/db/database-url";

/**
 * The database URL for report generation's own connections. On PostgreSQL
 * they run without parallel query: a report's aggregates otherwise spread over
 * every core through parallel workers, and generation is background work that
 * must not slow the API's answers (docs/benchmarks.md, background database
 * URL). Options the URL already carries are kept. SQLite URLs are returned as
 * they are.
 */
export function toBackgroundDatabaseUrl(url: string): string {
  if (getDatabaseProvider(url) !== "postgresql") return url;
  const parsed = new URL(url);
  const options = parsed.searchParams.get("options");
  const serial = "-c max_parallel_workers_per_gather=0";
  parsed.searchParams.set("options", options ? `${options} ${serial}` : serial);
  return parsed.toString();
}
