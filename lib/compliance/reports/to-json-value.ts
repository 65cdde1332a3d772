import type { JsonValue } from "@/lib/compliance/reports/report-definition";

/**
 * A value Prisma read from a Json column, typed for a report row. Prisma's own
 * JsonValue allows `undefined` members, which JSON cannot hold; the stored
 * value came from JSON, so it has none.
 */
export function toJsonValue(value: unknown): JsonValue {
  return (value ?? null) as JsonValue;
}

/** ISO-8601 UTC text, or null. */
export function toIsoString(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}
