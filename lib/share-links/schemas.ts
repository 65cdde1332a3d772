// Request and response shapes of the share-link API and of a shared report's
// JSON view, validated at the edge and named so the API reference can document
// them. No server imports: the Share dialog validates with the same schema.
import { z } from "zod";
import { downloadFormats, reportFormats } from "@/lib/compliance/requests/report-formats";
import { shareLinkStatuses } from "@/lib/share-links/share-link-status";

export const shareLinkExpiryDays = { min: 1, max: 30, default: 7 } as const;
export const maxShareLinkDownloads = 10_000;
export const maxShareLinkLabelLength = 100;

/** Body of POST /reports/:id/share-links. */
export const createShareLinkBodySchema = z.strictObject({
  expiresInDays: z
    .number({ error: "expiresInDays must be a whole number of days" })
    .int("expiresInDays must be a whole number of days")
    .min(shareLinkExpiryDays.min, `A link lasts at least ${shareLinkExpiryDays.min} day`)
    .max(shareLinkExpiryDays.max, `A link lasts at most ${shareLinkExpiryDays.max} days`)
    .default(shareLinkExpiryDays.default)
    .meta({ description: "Days until the link stops working" }),
  /** Downloads the link allows in all; null or left out: no cap. */
  maxDownloads: z
    .number({ error: "maxDownloads must be a whole number" })
    .int("maxDownloads must be a whole number")
    .min(1, "Allow at least 1 download, or leave the cap out")
    .max(maxShareLinkDownloads, `At most ${maxShareLinkDownloads} downloads`)
    .nullable()
    .optional()
    .transform((value) => value ?? null)
    .meta({ description: "Downloads the link allows in all; null or left out: no cap" }),
  /** Who the link is for, shown in the list and the audit trail; blank: none. */
  label: z
    .string({ error: "label must be text" })
    .trim()
    .max(maxShareLinkLabelLength, `At most ${maxShareLinkLabelLength} characters`)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null))
    .meta({ description: "Who the link is for, shown in the list and the audit trail" }),
});
export type CreateShareLinkInput = z.output<typeof createShareLinkBodySchema>;

export const shareLinkStatusSchema = z.enum(shareLinkStatuses);

/** One share link as the API shows it: never the token, never its hash. */
export const shareLinkResponseSchema = z.object({
  id: z.string(),
  reportId: z.string(),
  label: z.string().nullable(),
  status: shareLinkStatusSchema,
  expiresAt: z.iso.datetime(),
  maxDownloads: z.number().int().nullable(),
  downloadCount: z.number().int(),
  viewCount: z.number().int(),
  lastAccessedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.object({ type: z.enum(["user", "api_key"]), label: z.string() }),
  revokedAt: z.iso.datetime().nullable(),
  /** revoked: by a person or key; report_deleted: the report went, and its links with it. */
  revokedReason: z.enum(["revoked", "report_deleted"]).nullable(),
});
export type ShareLinkResponse = z.output<typeof shareLinkResponseSchema>;

/** 201 of POST /reports/:id/share-links: the link and, this once, its URL. */
export const createdShareLinkResponseSchema = shareLinkResponseSchema.extend({ url: z.url() });
export type CreatedShareLinkResponse = z.output<typeof createdShareLinkResponseSchema>;

/** GET /reports/:id/share-links: newest first. */
export const shareLinkListResponseSchema = z.object({ shareLinks: z.array(shareLinkResponseSchema) });
export type ShareLinkListResponse = z.output<typeof shareLinkListResponseSchema>;

/** Query of GET /share/:token/download. */
export const sharedDownloadQuerySchema = z.object({
  format: z.enum(downloadFormats, { message: "format must be json, csv or zip" }).default("json"),
});
export type SharedDownloadQuery = z.output<typeof sharedDownloadQuerySchema>;

export const integrityStatuses = ["verified", "failed", "unsigned"] as const;
export type IntegrityStatus = (typeof integrityStatuses)[number];

/** GET /share/:token with `Accept: application/json`: what the shared page shows. */
export const sharedReportResponseSchema = z.object({
  shareLink: z.object({
    id: z.string(),
    label: z.string().nullable(),
    expiresAt: z.iso.datetime(),
    maxDownloads: z.number().int().nullable(),
    downloadCount: z.number().int(),
  }),
  report: z.object({
    id: z.string(),
    type: z.string(),
    typeLabel: z.string(),
    title: z.string(),
    organization: z.string(),
    period: z.object({ from: z.string(), to: z.string() }).nullable(),
    agents: z.array(z.object({ id: z.string(), name: z.string() })),
    generatedBy: z.string(),
    requestedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  }),
  files: z.array(
    z.object({ format: z.enum(reportFormats), byteSize: z.number().int(), sha256: z.string(), url: z.string() }),
  ),
  package: z.object({ url: z.string() }).nullable(),
  signature: z.object({ kid: z.string(), signedAt: z.iso.datetime(), statementSha256: z.string() }).nullable(),
  integrity: z.object({ status: z.enum(integrityStatuses), message: z.string() }),
});
export type SharedReportResponse = z.output<typeof sharedReportResponseSchema>;
