// Response shapes of the compliance API, for the OpenAPI document
// (lib/openapi). The handlers' types are checked against them in
// tests/unit/openapi-contract.test.ts, so the two cannot drift apart.
import { z } from "zod";
import { reportFailureMessages, type ReportFailureCode } from "@/lib/compliance/jobs/report-failure";
import { reportTypes } from "@/lib/compliance/reports/registry";
import { reportFormats, reportStatuses } from "@/lib/compliance/requests/schemas";

const isoTimestamp = z.iso.datetime().meta({ description: "ISO-8601, UTC" });
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const artifactSummarySchema = z.object({
  byteSize: z.number().int().min(0),
  sha256: sha256Hex,
});

export const statementSummarySchema = z
  .object({
    kid: z.string().meta({ description: "RFC 7638 thumbprint of the signing key (see GET /keys)" }),
    signedAt: isoTimestamp,
    sha256: sha256Hex.meta({ description: "SHA-256 of the signed statement's payload" }),
  })
  .meta({ id: "StatementSummary", description: "Which key signed the report's statement, and when." });

export const reportScopeSchema = z
  .looseObject({
    dateRange: z.object({ from: z.string(), to: z.string() }).optional(),
    agentIds: z.array(z.string()),
  })
  .meta({
    id: "ReportScope",
    description:
      "What the report covers: whole UTC days, inclusive, and the agents it is limited to (none: every agent).",
  });

const failureCodes = Object.keys(reportFailureMessages) as [ReportFailureCode, ...ReportFailureCode[]];

export const reportResponseSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    type: z.enum(reportTypes),
    title: z.string(),
    status: z.enum(reportStatuses),
    progress: z.number().min(0).max(100),
    scope: reportScopeSchema,
    createdAt: isoTimestamp,
    createdBy: z.object({
      type: z.enum(["user", "api_key", "schedule"]),
      id: z.string().nullable(),
      email: z.string().nullable(),
      label: z.string(),
    }),
    startedAt: isoTimestamp.nullable(),
    completedAt: isoTimestamp.nullable(),
    error: z.string().nullable().meta({ description: "Why a failed report failed, in words; null unless failed" }),
    errorCode: z.enum(failureCodes).nullable(),
    artifacts: z.partialRecord(z.enum(reportFormats), artifactSummarySchema).nullable().meta({
      description: "The stored files by format; null until the report completes (a purged report keeps their SHA-256)",
    }),
    statement: statementSummarySchema.nullable(),
    legalHold: z.boolean().meta({ description: "On legal hold: never purged, and not deletable until released" }),
    expiresAt: isoTimestamp
      .nullable()
      .meta({ description: "When a completed report passes the org's retention and may be purged; null otherwise" }),
    purgedAt: isoTimestamp.nullable().meta({ description: "When its files were purged (status `purged`)" }),
  })
  .meta({ id: "Report" });

export const reportPageSchema = z
  .object({
    reports: z.array(reportResponseSchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last" }),
  })
  .meta({ id: "ReportPage" });

const reportFormFieldSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("period"), name: z.string(), maxYears: z.number().int() }),
  z.object({
    kind: z.literal("agent"),
    name: z.string(),
    isRequired: z.boolean(),
    help: z.string(),
    isHelpProminent: z.boolean().optional(),
    requiredMessage: z.string().optional(),
  }),
  z.object({
    kind: z.literal("agents"),
    name: z.string(),
    isRequired: z.boolean(),
    max: z.number().int(),
    help: z.string(),
    requiredMessage: z.string().optional(),
    tooManyMessage: z.string().optional(),
  }),
  z.object({ kind: z.literal("data_subject_request"), name: z.string() }),
]);

export const reportTypeCatalogueSchema = z
  .object({
    reportTypes: z
      .array(
        z.object({
          type: z.enum(reportTypes),
          label: z.string(),
          badge: z.string(),
          tone: z.enum(["sky", "violet", "amber", "emerald", "rose", "slate"]),
          description: z.string(),
          form: z.array(reportFormFieldSchema).readonly(),
        }),
      )
      .readonly(),
  })
  .meta({ id: "ReportTypeCatalogue" });
