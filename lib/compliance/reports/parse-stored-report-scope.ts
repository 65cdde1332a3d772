// Reads a report's stored scope back through its type's scope schema, so a
// builder only ever sees a scope of its own shape. A scope the schema refuses
// fails the report with the reason (fail closed), never runs it unscoped.
import type { ReportScope } from "@/lib/compliance/reports/report-definition";
import { findReportType } from "@/lib/compliance/reports/registry";

export function parseStoredReportScope(type: string, stored: unknown): ReportScope {
  const definition = findReportType(type);
  if (!definition) throw new Error(`No report type "${type}" is registered`);
  const parsed = definition.scopeSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const reasons = parsed.error.issues.map((issue) => {
    const path = issue.path.join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  throw new Error(`The stored scope of this ${definition.label} is invalid: ${reasons.join("; ")}`);
}
