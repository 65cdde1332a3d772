// What an ingested configuration record changes: only the fields whose value
// differs from the stored one, before and after, as JSON (what the audit
// event stores and its hash covers). Fields a record leaves out keep their
// stored value, so they are no change.
import canonicalize from "canonicalize";

export type JsonRecord = Record<string, unknown>;
/** A change as audited: `before` is null for a record just created. */
export type ConfigChange = { before: JsonRecord | null; after: JsonRecord };

/** Dates as ISO text, objects and arrays as JSON, undefined as absent. */
export function toJsonFields(fields: JsonRecord): JsonRecord {
  return JSON.parse(JSON.stringify(fields)) as JsonRecord;
}

/** The changed fields, or null when the record changes nothing. */
export function diffConfigFields(
  stored: JsonRecord,
  next: JsonRecord,
): { before: JsonRecord; after: JsonRecord } | null {
  const current = toJsonFields(stored);
  const wanted = toJsonFields(next);
  const before: JsonRecord = {};
  const after: JsonRecord = {};
  for (const [field, value] of Object.entries(wanted)) {
    const was = current[field] ?? null;
    if (canonicalize(was) === canonicalize(value)) continue;
    before[field] = was;
    after[field] = value;
  }
  return Object.keys(after).length > 0 ? { before, after } : null;
}
