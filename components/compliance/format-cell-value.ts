// How a report value reads in a table cell: timestamps in UTC (README.md, Times),
// nulls as a dash, nested values as compact JSON.
import { formatDateTime } from "@/lib/client/format-date-time";
import type { JsonValue } from "@/components/compliance/report-document";

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isTimestamp(value: JsonValue | undefined): value is string {
  return typeof value === "string" && isoTimestamp.test(value);
}

export function formatCellValue(value: JsonValue | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return value.toLocaleString("en-US");
  if (isTimestamp(value)) return formatDateTime(value);
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number"))
    return value.join(", ");
  return JSON.stringify(value);
}

/** "occurredAt" → "Occurred at", "rule_name" → "Rule name", "notRotated90Days" → "Not rotated 90 days". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/[_-]+/g, " ")
    // A number inside a camelCase key is a word of its own ("sha256" stays whole).
    .replace(/([a-z])(\d+)(?=[A-Z])/g, "$1 $2")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
