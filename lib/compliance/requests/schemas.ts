// Request shapes of the compliance API (the seed bodies), validated at the edge.
// Whether agents belong to the caller's org is checked against the database in
// prepare-report-request.ts; these schemas only judge the shape.
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { reportTypes, type ReportType } from "@/lib/compliance/reports/report-definition";
import { reportFormats } from "@/lib/compliance/requests/report-formats";

export const maxAgentIds = 100;
export const maxRangeYears = 5;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

const isoDay = z
  .string()
  .regex(dayPattern, { message: "Use a date as YYYY-MM-DD", abort: true })
  .refine(isCalendarDay, "Not a real calendar date");

/** Whole UTC days, inclusive; at most five years. */
export const dateRangeSchema = z.strictObject({ from: isoDay, to: isoDay }).superRefine((range, ctx) => {
  // zod runs this even when a field failed; only compare two real days.
  if (!isCalendarDay(range.from) || !isCalendarDay(range.to)) return;
  if (range.from > range.to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "`to` must be on or after `from`" });
    return;
  }
  if (range.to >= addYears(range.from, maxRangeYears)) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `A date range can span at most ${maxRangeYears} years` });
  }
});

const agentId = z.string().trim().min(1, "An agent id cannot be empty").max(100);

const orgId = z.string().min(1).max(100).optional();

export const periodReportBodySchema = z.strictObject({
  orgId,
  dateRange: dateRangeSchema,
  agentIds: z
    .array(agentId)
    .max(maxAgentIds, `At most ${maxAgentIds} agents per report`)
    .refine((ids) => new Set(ids).size === ids.length, "Agent ids must be unique")
    .optional(),
});

export const gdprReportBodySchema = z.strictObject({
  orgId,
  agentId: z
    .string({
      error: (issue) => (issue.input === undefined ? "A GDPR export needs `agentId`" : "agentId must be a string"),
    })
    .trim()
    .min(1, "A GDPR export needs `agentId`")
    .max(100),
});

export type PeriodReportBody = z.output<typeof periodReportBodySchema>;
export type GdprReportBody = z.output<typeof gdprReportBodySchema>;

export const reportBodySchemas = {
  soc2: periodReportBodySchema,
  audit: periodReportBodySchema,
  gdpr: gdprReportBodySchema,
} as const satisfies Record<ReportType, z.ZodType>;

export type ReportRequestBody = PeriodReportBody | GdprReportBody;

export const reportStatuses = ["pending", "completed", "failed"] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export { reportFormats, type ReportFormat } from "@/lib/compliance/requests/report-formats";

/** Query of GET /reports. Unknown query keys are ignored (cache busters are common). */
export const listReportsQuerySchema = z.object({
  orgId,
  type: z.enum(reportTypes).optional(),
  status: z.enum(reportStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(200).optional(),
});
export type ListReportsQuery = z.output<typeof listReportsQuerySchema>;

export const downloadQuerySchema = z.object({
  format: z.enum(reportFormats, { message: "format must be json or csv" }).default("json"),
  bom: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((value) => value === "1" || value === "true"),
});
export type DownloadQuery = z.output<typeof downloadQuerySchema>;

/** The path segment of POST /reports/:type; anything else is 404 naming the allowed types. */
export function parseReportType(value: string): ReportType {
  if ((reportTypes as readonly string[]).includes(value)) return value as ReportType;
  throw new AppError("not_found", `Unknown report type "${value}". Allowed types: ${reportTypes.join(", ")}`, {
    allowedTypes: reportTypes,
  });
}

/** Reads URL search params through a schema; failures become 400 with field details. */
export function parseSearchParams<Schema extends z.ZodType>(url: string, schema: Schema): z.output<Schema> {
  const params = Object.fromEntries(new URL(url).searchParams.entries());
  return schema.parse(params);
}

function isCalendarDay(value: unknown): value is string {
  if (typeof value !== "string" || !dayPattern.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function addYears(day: string, years: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  // 29 Feb + n years lands on 1 Mar when that year has no 29 Feb; Date.UTC rolls it over.
  return new Date(Date.UTC(year + years, month - 1, date)).toISOString().slice(0, 10);
}
