// A stored event time as the chain hashes it: the ISO 8601 UTC text
// toISOString() writes, read from the text each database stores.
const sqliteTimestamp = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})\+00:00$/;
const postgresTimestamp = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,3}))?$/;

/**
 * The stored timestamp as toISOString() would write it, without a Date for
 * the forms each database writes: SQLite keeps "…+00:00", PostgreSQL's
 * timestamp(3) text has no zone and drops trailing zeros of the milliseconds.
 * Both are UTC. Any other form goes through Date.
 */
export function isoTimestampOfStored(text: string): string {
  const sqlite = sqliteTimestamp.exec(text);
  if (sqlite) return `${sqlite[1]}Z`;
  const postgres = isoTimestampOfPostgresText(text);
  if (postgres !== null) return postgres;
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`).toISOString();
}

/** PostgreSQL's text of a timestamp(3) as toISOString() writes it, or null for any other form. */
export function isoTimestampOfPostgresText(text: string): string | null {
  const postgres = postgresTimestamp.exec(text);
  return postgres ? `${postgres[1]}T${postgres[2]}.${(postgres[3] ?? "").padEnd(3, "0")}Z` : null;
}
