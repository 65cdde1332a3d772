// The compliance routes in the OpenAPI document: reports (queue, list, read,
// download, preview, statement, cancel, delete), the report types, the audit trail's
// verification and the public signing keys.
import { z } from "zod";
import { verifyAuditTrailQuerySchema, chainVerificationSchema } from "@/lib/audit/audit-trail-schemas";
import { reportTypeRegistry } from "@/lib/compliance/reports/registry";
import { requestKeyHeader, requestKeySchema } from "@/lib/compliance/requests/report-request-key";
import {
  reportPageSchema,
  reportResponseSchema,
  reportTypeCatalogueSchema,
} from "@/lib/compliance/requests/response-schemas";
import { downloadQuerySchema, listReportsQuerySchema } from "@/lib/compliance/requests/schemas";
import { reportPreviewSchema } from "@/lib/compliance/preview/report-preview-schema";
import { jwksSchema } from "@/lib/signing/jwks-schema";
import { apiKeyOrSession, type OpenApiBuilder } from "@/lib/openapi/create-openapi-builder";
import {
  reportBodyExamples,
  completedReportExample,
  pendingReportExample,
  reportPreviewExample,
} from "@/lib/openapi/report-examples";

const base = "/api/engine/compliance";

const reportIdParams = z.object({
  id: z.string().meta({ description: "The report's id", example: pendingReportExample.id }),
});

export function registerCompliancePaths({ registry, json, errors }: OpenApiBuilder): void {
  const auth = errors(
    ["unauthorized", "Sign in or send an API key as `Authorization: Bearer …`"],
    ["forbidden", "This needs the `reports:read` permission"],
  );
  const writeAuth = errors(
    ["unauthorized", "Sign in or send an API key as `Authorization: Bearer …`"],
    ["forbidden", "This needs the `reports:write` permission"],
  );
  const notFound = errors(["not_found", "Report not found"]);

  registry.registerPath({
    method: "get",
    path: `${base}/reports`,
    operationId: "listReports",
    summary: "List reports",
    description:
      "The caller's org's reports, newest first unless `sort` and `order` say otherwise; `q` searches the titles; `periodFrom` and `periodTo` keep the reports whose period overlaps those days. Page with `cursor` (the previous page's `nextCursor`), keeping the same filters and order.",
    tags: ["Reports"],
    security: apiKeyOrSession,
    request: { query: listReportsQuerySchema },
    responses: {
      200: {
        description: "One page of reports",
        content: json("GET /reports 200", reportPageSchema, {
          reports: [completedReportExample, pendingReportExample],
          nextCursor: null,
        }),
      },
      ...errors(["validation_failed", "The request is invalid"]),
      ...auth,
    },
  });

  for (const definition of reportTypeRegistry) {
    registry.registerPath({
      method: "post",
      path: `${base}/reports/${definition.type}`,
      operationId: `create${definition.badge[0]}${definition.badge.slice(1).toLowerCase()}Report`,
      summary: `Queue a ${definition.label}`,
      description: `${definition.description}\n\nAnswers 202 with the pending report and its \`Location\`; poll it until \`status\` is \`completed\`. Send an \`Idempotency-Key\` to retry safely: the same key with the same body from the same caller within 24 hours answers the first report (with \`Idempotent-Replayed: true\`) instead of queuing another.`,
      tags: ["Reports"],
      security: apiKeyOrSession,
      request: {
        headers: z.object({
          [requestKeyHeader]: requestKeySchema.optional().meta({
            description: "1–255 visible ASCII characters, unique per intended report",
            example: "c1f9a2e4-retry-safe",
          }),
        }),
        body: {
          required: true,
          content: json(
            `POST /reports/${definition.type} body`,
            definition.bodySchema,
            reportBodyExamples[definition.type],
          ),
        },
      },
      responses: {
        202: {
          description: "Queued (or, for a repeated Idempotency-Key, the report the first request queued)",
          headers: {
            Location: { description: "The report's URL", schema: { type: "string" } },
            "Idempotent-Replayed": {
              description: "`true` when this answers a repeated Idempotency-Key",
              schema: { type: "string", enum: ["true"] },
            },
          },
          content: json(`POST /reports/${definition.type} 202`, reportResponseSchema, {
            ...pendingReportExample,
            type: definition.type,
          }),
        },
        ...errors(
          ["validation_failed", "The request is invalid"],
          ["unprocessable", "This Idempotency-Key was used with a different request"],
          ["rate_limited", "Too many pending reports; wait for some to finish"],
        ),
        ...writeAuth,
      },
    });
  }

  registry.registerPath({
    method: "get",
    path: `${base}/reports/{id}`,
    operationId: "getReport",
    summary: "Get a report",
    description: "Status, progress, the failure reason if any, and once completed its files and signed statement.",
    tags: ["Reports"],
    security: apiKeyOrSession,
    request: { params: reportIdParams },
    responses: {
      200: {
        description: "The report",
        content: json("GET /reports/{id} 200", reportResponseSchema, completedReportExample),
      },
      ...auth,
      ...notFound,
    },
  });

  registry.registerPath({
    method: "delete",
    path: `${base}/reports/{id}`,
    operationId: "deleteReport",
    summary: "Delete a report",
    description:
      "Deletes the report and its stored files (admins, or keys with `reports:write`). Its signed statement stays.",
    tags: ["Reports"],
    security: apiKeyOrSession,
    request: { params: reportIdParams },
    responses: { 204: { description: "Deleted" }, ...writeAuth, ...notFound },
  });

  registry.registerPath({
    method: "post",
    path: `${base}/reports/{id}/cancel`,
    operationId: "cancelReport",
    summary: "Cancel a pending report",
    description:
      "A worker generating it stops at its next checkpoint and its partial files are removed. 409 once it has finished.",
    tags: ["Reports"],
    security: apiKeyOrSession,
    request: { params: reportIdParams },
    responses: {
      200: {
        description: "The cancelled report",
        content: json("POST /reports/{id}/cancel 200", reportResponseSchema, {
          ...pendingReportExample,
          status: "cancelled",
          completedAt: "2026-11-30T09:15:04.000Z",
        }),
      },
      ...writeAuth,
      ...notFound,
      ...errors(["conflict", "Only a pending report can be cancelled; this one is completed"]),
    },
  });

  registry.registerPath({
    method: "get",
    path: `${base}/reports/{id}/download`,
    operationId: "downloadReport",
    summary: "Download a report",
    description:
      "The stored bytes as rendered at generation: `json`, `csv` (one file, for GRC imports; `bom=1` prepends a UTF-8 byte order mark for spreadsheets), or `zip`, the evidence package: README, the JSON, one CSV per table, a manifest, SHA256SUMS and the signed statement, verifiable offline with `npm run verify -- package.zip`. The same report always gives the same bytes. Packages render one thread each, at most `PACKAGE_THREADS` at once; a download past that waits briefly in line, then answers 503 `server_busy` with `Retry-After`.",
    tags: ["Reports"],
    security: apiKeyOrSession,
    request: {
      params: reportIdParams,
      query: downloadQuerySchema,
      headers: z.object({
        "if-none-match": z.string().optional().meta({ description: "A previous answer's ETag (json and csv)" }),
      }),
    },
    responses: {
      200: {
        description: "The file, as an attachment",
        headers: {
          ETag: { description: "The artifact's SHA-256 (json and csv)", schema: { type: "string" } },
          "Content-Disposition": { description: "attachment; filename=…", schema: { type: "string" } },
        },
        content: {
          "application/json": { schema: { type: "object", description: "The report document" } },
          "text/csv": { schema: { type: "string" } },
          "application/zip": { schema: { type: "string", contentMediaType: "application/zip" } },
        },
      },
      304: { description: "Not modified: `If-None-Match` named the current ETag" },
      ...errors(["validation_failed", "The request is invalid"]),
      ...auth,
      ...errors(
        ["not_found", "Report not found"],
        ["conflict", "The report is not completed yet"],
        ["gone", "The report's files were purged after the organization's retention period"],
        ["server_busy", "The server is busy with other evidence package downloads; try again shortly"],
      ),
    },
  });

  registry.registerPath({
    method: "get",
    path: `${base}/reports/{id}/preview`,
    operationId: "getReportPreview",
    summary: "Preview a completed report",
    description:
      "What the report viewer shows, stored when the report was generated: the document's header, manifest and section summaries, each table's first rows (the charts' aggregate tables whole), and every table's full row count and rows per day. Holds personal data like the downloads (`Cache-Control: private, no-store`); each viewing is audited.",
    tags: ["Reports"],
    security: apiKeyOrSession,
    request: { params: reportIdParams },
    responses: {
      200: {
        description: "The preview",
        content: json("GET /reports/{id}/preview 200", reportPreviewSchema, reportPreviewExample),
      },
      ...auth,
      ...errors(
        ["not_found", "Report not found"],
        ["conflict", "The report is not completed yet"],
        ["gone", "The report's files were purged after the organization's retention period"],
      ),
    },
  });

  registry.registerPath({
    method: "get",
    path: `${base}/reports/{id}/statement`,
    operationId: "getReportStatement",
    summary: "Get a report's signed statement",
    description:
      "A compact JWS (EdDSA) over the report's files' hashes and scope. Verify it with the key named by its `kid` in `GET /keys`. Statements outlive deleted reports.",
    tags: ["Reports"],
    security: apiKeyOrSession,
    request: { params: reportIdParams },
    responses: {
      200: {
        description: "The statement",
        headers: {
          "X-Signing-Key-Id": { description: "The signing key's `kid`", schema: { type: "string" } },
          "X-Content-SHA256": { description: "SHA-256 of the signed payload", schema: { type: "string" } },
        },
        content: { "application/jose": { schema: { type: "string", description: "Compact JWS" } } },
      },
      ...auth,
      ...errors(["not_found", "Report statement not found"]),
    },
  });

  registry.registerPath({
    method: "get",
    path: `${base}/report-types`,
    operationId: "listReportTypes",
    summary: "List report types",
    description: "The report types this server generates and what each one's request asks for.",
    tags: ["Reports"],
    security: apiKeyOrSession,
    responses: {
      200: {
        description: "The catalogue",
        content: json("GET /report-types 200", reportTypeCatalogueSchema, {
          reportTypes: [
            {
              type: "soc2",
              label: "SOC2 Summary",
              badge: "SOC2",
              tone: "sky",
              description: "Security controls for SOC2 auditors.",
              form: [{ kind: "period", name: "dateRange", maxYears: 5 }],
            },
          ],
        }),
      },
      ...auth,
    },
  });

  registry.registerPath({
    method: "get",
    path: `${base}/audit-trail/verify`,
    operationId: "verifyAuditTrail",
    summary: "Verify the audit trail",
    description:
      "Recomputes the org's hash-chained audit trail over an inclusive range of sequence numbers (default: all of it) and names the first break.",
    tags: ["Audit trail"],
    security: apiKeyOrSession,
    request: { query: verifyAuditTrailQuerySchema },
    responses: {
      200: {
        description: "The result",
        content: json("GET /audit-trail/verify 200", chainVerificationSchema, {
          status: "verified",
          firstSeq: 1,
          lastSeq: 1842,
          count: 1842,
          headHash: "9b2f0c7e4d1a6b3c8e5f2a7d0c9b4e1f6a3d8c5b2e7f0a9d4c1b6e3f8a5d2c7b",
          redactedCount: 0,
        }),
      },
      ...errors(["validation_failed", "The request is invalid"]),
      ...auth,
    },
  });

  registry.registerPath({
    method: "get",
    path: `${base}/keys`,
    operationId: "listSigningKeys",
    summary: "Signing keys (JWKS)",
    description:
      "Public, no sign-in: every key that ever signed a report statement, with its validity window, for verifying statements and evidence packages offline.",
    tags: ["Signing keys"],
    security: [],
    responses: {
      200: {
        description: "The JWKS",
        content: {
          "application/jwk-set+json": json("GET /keys 200", jwksSchema, {
            keys: [
              {
                kty: "OKP",
                crv: "Ed25519",
                x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
                kid: "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k",
                alg: "EdDSA",
                use: "sig",
                valid_from: "2026-01-05T00:00:00.000Z",
                valid_until: null,
              },
            ],
          })["application/json"],
        },
      },
    },
  });
}
