// The share-link routes in the OpenAPI document: what admins and
// `reports:write` keys call to create, list and revoke links, and the public
// /share/<token> routes a link's holder opens without an account.
import { z } from "zod";
import { apiKeyOrSession, type OpenApiBuilder } from "@/lib/openapi/create-openapi-builder";
import { completedReportExample } from "@/lib/openapi/report-examples";
import {
  createShareLinkBodySchema,
  createdShareLinkResponseSchema,
  sharedDownloadQuerySchema,
  sharedReportResponseSchema,
  shareLinkListResponseSchema,
  type ShareLinkResponse,
} from "@/lib/share-links/schemas";

const base = "/api/engine/compliance";
const exampleToken = "q3Xv9Lk2Tn8Rb4Wc7Yd1Fh6Jm0Ps5Ua2Ge9Zi3Ko7Nb";

const shareLinkExample: ShareLinkResponse = {
  id: "cmshare0000000000audit01",
  reportId: completedReportExample.id,
  label: "External auditor",
  status: "active",
  expiresAt: "2026-12-07T10:00:00.000Z",
  maxDownloads: 20,
  downloadCount: 3,
  viewCount: 5,
  lastAccessedAt: "2026-12-01T14:22:37.000Z",
  createdAt: "2026-11-30T10:00:00.000Z",
  createdBy: { type: "user", label: "admin@acme.test" },
  revokedAt: null,
  revokedReason: null,
};

const tokenParams = z.object({
  token: z
    .string()
    .meta({ description: "The link's token, as in the URL its creator received", example: exampleToken }),
});

export function registerShareLinkPaths({ registry, json, errors }: OpenApiBuilder): void {
  const writeAuth = errors(
    ["unauthorized", "Sign in or send an API key as `Authorization: Bearer …`"],
    ["forbidden", "This needs the `reports:write` permission"],
  );
  const reportIdParams = z.object({
    id: z.string().meta({ description: "The report's id", example: completedReportExample.id }),
  });
  // Every /share/<token> request counts against the caller's IP, known token or not.
  const linkAnswers = errors(
    ["not_found", "Share link not found"],
    ["gone", "This share link has expired. Ask whoever sent it for a new one."],
    ["rate_limited", "Too many requests; try again in 30 s"],
  );

  registry.registerPath({
    method: "post",
    path: `${base}/reports/{id}/share-links`,
    operationId: "createShareLink",
    summary: "Share a completed report",
    description:
      "Creates a link that opens this report's page, files and evidence package without an account (admins, or keys with `reports:write`). The answer's `url` holds the link's token and is shown this once: only its hash is stored. The link stops working when it expires, is revoked, reaches `maxDownloads`, or the report is deleted.",
    tags: ["Share links"],
    security: apiKeyOrSession,
    request: {
      params: reportIdParams,
      body: {
        required: false,
        content: json("POST /reports/{id}/share-links body", createShareLinkBodySchema, {
          expiresInDays: 7,
          maxDownloads: 20,
          label: "External auditor",
        }),
      },
    },
    responses: {
      201: {
        description: "Created",
        content: json("POST /reports/{id}/share-links 201", createdShareLinkResponseSchema, {
          ...shareLinkExample,
          downloadCount: 0,
          viewCount: 0,
          lastAccessedAt: null,
          url: `https://attest.example.com/share/${exampleToken}`,
        }),
      },
      ...errors(["validation_failed", "The request is invalid"]),
      ...writeAuth,
      ...errors(
        ["not_found", "Report not found"],
        ["conflict", "Only a completed report can be shared; this one is pending"],
      ),
    },
  });

  registry.registerPath({
    method: "get",
    path: `${base}/reports/{id}/share-links`,
    operationId: "listShareLinks",
    summary: "List a report's share links",
    description:
      "Newest first, revoked and expired ones included, with their download and view counts and last access. Never the tokens.",
    tags: ["Share links"],
    security: apiKeyOrSession,
    request: { params: reportIdParams },
    responses: {
      200: {
        description: "The links",
        content: json("GET /reports/{id}/share-links 200", shareLinkListResponseSchema, {
          shareLinks: [
            shareLinkExample,
            {
              ...shareLinkExample,
              id: "cmshare00000000000board1",
              label: null,
              status: "revoked",
              maxDownloads: null,
              downloadCount: 1,
              viewCount: 1,
              createdAt: "2026-11-30T09:30:00.000Z",
              revokedAt: "2026-11-30T12:00:00.000Z",
              revokedReason: "revoked",
            },
          ],
        }),
      },
      ...writeAuth,
      ...errors(["not_found", "Report not found"]),
    },
  });

  registry.registerPath({
    method: "delete",
    path: `${base}/share-links/{linkId}`,
    operationId: "revokeShareLink",
    summary: "Revoke a share link",
    description:
      "The link answers 410 from then on (admins, or keys with `reports:write`). Revoking a revoked link changes nothing and answers 204 again.",
    tags: ["Share links"],
    security: apiKeyOrSession,
    request: {
      params: z.object({
        linkId: z.string().meta({ description: "The share link's id", example: shareLinkExample.id }),
      }),
    },
    responses: { 204: { description: "Revoked" }, ...writeAuth, ...errors(["not_found", "Share link not found"]) },
  });

  registry.registerPath({
    method: "get",
    path: "/share/{token}",
    operationId: "openSharedReport",
    summary: "Open a shared report",
    description:
      "Public, no sign-in: the token is the credential. A browser gets a read-only page; `Accept: application/json` gets the same facts as JSON: the report's header and scope, its files with their SHA-256 and download URLs, its signature, and whether the stored files still match it. Each opening is counted on the link and audited. Limited per client IP (60 requests a minute unless configured); errors answer the JSON error body, or a plain page for browsers, with the same status.",
    tags: ["Share links"],
    security: [],
    request: { params: tokenParams },
    responses: {
      200: {
        description: "The shared report",
        content: {
          ...json("GET /share/{token} 200", sharedReportResponseSchema, {
            shareLink: {
              id: shareLinkExample.id,
              label: shareLinkExample.label,
              expiresAt: shareLinkExample.expiresAt,
              maxDownloads: shareLinkExample.maxDownloads,
              downloadCount: shareLinkExample.downloadCount,
            },
            report: {
              id: completedReportExample.id,
              type: "soc2",
              typeLabel: "SOC2 Summary",
              title: completedReportExample.title,
              organization: "Acme",
              period: { from: "2026-10-01", to: "2026-10-31" },
              agents: [],
              generatedBy: "admin@acme.test",
              requestedAt: completedReportExample.createdAt,
              completedAt: completedReportExample.completedAt,
            },
            files: [
              {
                format: "json",
                byteSize: 482113,
                sha256: "3f7a2c9e1b4d6f8a0c2e4b6d8f1a3c5e7b9d2f4a6c8e0b1d3f5a7c9e2b4d6f8a",
                url: `/share/${exampleToken}/download?format=json`,
              },
              {
                format: "csv",
                byteSize: 301877,
                sha256: "a1c3e5b7d9f2a4c6e8b0d1f3a5c7e9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3",
                url: `/share/${exampleToken}/download?format=csv`,
              },
            ],
            package: { url: `/share/${exampleToken}/download?format=zip` },
            signature: {
              kid: "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k",
              signedAt: "2026-11-30T09:15:09.000Z",
              statementSha256: "5d7f9b1c3e5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e",
            },
            integrity: {
              status: "verified",
              message:
                "The statement's signature verifies with key kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k, and the stored files are the ones it signs.",
            },
          }),
          "text/html": { schema: { type: "string", description: "The read-only page" } },
        },
      },
      ...linkAnswers,
    },
  });

  registry.registerPath({
    method: "get",
    path: "/share/{token}/download",
    operationId: "downloadSharedReport",
    summary: "Download a shared report",
    description:
      "Public, no sign-in, for curl as much as browsers: `curl -OJ https://…/share/<token>/download?format=zip`. The same stored bytes as `GET /reports/{id}/download`: `json`, `csv`, or `zip`, the evidence package (409 when the report has no signed statement). Each download counts against the link's `maxDownloads` and is audited with the client's IP and user agent. Limited per client IP like the page.",
    tags: ["Share links"],
    security: [],
    request: { params: tokenParams, query: sharedDownloadQuerySchema },
    responses: {
      200: {
        description: "The file, as an attachment",
        headers: {
          "Content-Disposition": { description: "attachment; filename=…", schema: { type: "string" } },
        },
        content: {
          "application/json": { schema: { type: "object", description: "The report document" } },
          "text/csv": { schema: { type: "string" } },
          "application/zip": { schema: { type: "string", contentMediaType: "application/zip" } },
        },
      },
      ...errors(["validation_failed", "The request is invalid"]),
      ...linkAnswers,
      ...errors(
        ["conflict", "The report has no signed statement, so it has no evidence package"],
        ["server_busy", "The server is busy with other evidence package downloads; try again shortly"],
      ),
    },
  });
}
