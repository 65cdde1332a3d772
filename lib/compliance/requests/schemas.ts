// Request shapes of the compliance API, validated at the edge. The report
// bodies belong to their types (lib/compliance/reports/registry.ts); whether
// agents belong to the caller's org is checked in prepare-report-request.ts.
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { reportTypes, type ReportType } from "@/lib/compliance/reports/registry";
import { isoDay, orgIdField as orgId } from "@/lib/compliance/reports/report-body-fields";
import { downloadFormats } from "@/lib/compliance/requests/report-formats";
import { defaultSortOrders, reportSortKeys, sortOrders } from "@/lib/compliance/requests/report-sort-keys";

/** `purged`: a completed report past its retention whose files were deleted; the row is its tombstone. */
export const reportStatuses = ["pending", "completed", "failed", "cancelled", "purged"] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export {
  reportSortKeys,
  sortOrders,
  type ReportSortKey,
  type SortOrder,
} from "@/lib/compliance/requests/report-sort-keys";

export {
  reportFormats,
  downloadFormats,
  type ReportFormat,
  type DownloadFormat,
} from "@/lib/compliance/requests/report-formats";

/** Query of GET /reports. Unknown query keys are ignored (cache busters are common). */
export const listReportsQuerySchema = z
  .object({
    orgId,
    type: z.enum(reportTypes).optional(),
    status: z.enum(reportStatuses).optional(),
    /** Words of the title, matched anywhere in it, ignoring case; blank means no search. */
    q: z
      .string()
      .trim()
      .max(200, "q must be at most 200 characters")
      .optional()
      .transform((value) => value || undefined)
      .meta({ description: "Words of the title, each matched anywhere in it, in any order, ignoring case" }),
    sort: z
      .enum(reportSortKeys, { message: `sort must be one of ${reportSortKeys.join(", ")}` })
      .default("createdAt")
      .meta({
        description:
          "`createdAt`: when requested; `title`; `period`: the end of the report's period (reports without one last)",
      }),
    order: z.enum(sortOrders, { message: "order must be asc or desc" }).optional().meta({
      description:
        "Without it: newest first, latest period first, titles A to Z. A cursor works only with the order it came from.",
    }),
    periodFrom: isoDay.optional().meta({
      description:
        "Reports whose period ends on or after this day (YYYY-MM-DD, UTC). With `periodTo`: reports whose period overlaps the two days, inclusive. Reports without a period (GDPR exports) are left out.",
      example: "2026-07-01",
    }),
    periodTo: isoDay.optional().meta({
      description: "Reports whose period starts on or before this day (YYYY-MM-DD, UTC); on or after `periodFrom`.",
      example: "2026-09-30",
    }),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().min(1).max(600).optional(),
  })
  .refine((query) => !query.periodFrom || !query.periodTo || query.periodFrom <= query.periodTo, {
    path: ["periodTo"],
    message: "periodTo must be on or after periodFrom",
  })
  .transform((query) => ({ ...query, order: query.order ?? defaultSortOrders[query.sort] }));
export type ListReportsQuery = z.output<typeof listReportsQuerySchema>;

export const downloadQuerySchema = z.object({
  format: z.enum(downloadFormats, { message: "format must be json, csv or zip" }).default("json"),
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
