// The report types, one line each, in the order the form offers them. A new
// type is a folder here with its `*-report-type.ts` (and tests) plus one line.
// Server-only: it pulls the builders and, through them, Prisma; client code
// imports its types only (the catalogue reaches the browser as data).
import type { ReportTypeDefinition } from "@/lib/compliance/reports/report-type-definition";
import { auditReportType } from "./audit/audit-report-type";
import { dsarReportType } from "./dsar/dsar-report-type";
import { gdprReportType } from "./gdpr/gdpr-report-type";
import { soc2ReportType } from "./soc2/soc2-report-type";

export const reportTypeRegistry = [soc2ReportType, gdprReportType, auditReportType, dsarReportType] as const;

export type ReportType = (typeof reportTypeRegistry)[number]["type"];

/** The types' identifiers, for zod enums and messages. */
export const reportTypes = reportTypeRegistry.map((definition) => definition.type) as [ReportType, ...ReportType[]];

/** Any registered type, seen through the contract every type shares. */
export type RegisteredReportType = ReportTypeDefinition<ReportType>;

export function findReportType(type: string): RegisteredReportType | undefined {
  return reportTypeRegistry.find((definition) => definition.type === type);
}

/** The definition of a type already known to be registered (a parsed path segment or stored row). */
export function reportTypeDefinition(type: ReportType): RegisteredReportType {
  const definition = findReportType(type);
  if (!definition) throw new Error(`No report type "${type}" is registered`);
  return definition;
}
