// The OpenAPI document keeps up with the code: every route handler file's
// path and methods are documented (a new route without docs fails here), every
// documented operation has a handler, every example parses with the zod schema
// the handler uses, and the handlers' result types fit the documented schemas.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { httpMethods, isMethodRejector } from "@/lib/api/reject-other-methods";
import type { ChainVerification } from "@/lib/audit-chain/verify-audit-chain";
import { chainVerificationSchema } from "@/lib/audit/audit-trail-schemas";
import type { AgentSummary } from "@/lib/agents/list-agents";
import { agentListSchema } from "@/lib/agents/agent-list-schema";
import { apiKeyResponseSchema, createdApiKeySchema } from "@/lib/api-keys/schemas";
import type { ApiKeyResponse } from "@/lib/api-keys/to-api-key-response";
import { errorBodySchema } from "@/lib/api/error-body-schema";
import type { ReportPage } from "@/lib/compliance/requests/list-reports";
import type { ReportTypeCatalogue } from "@/lib/compliance/requests/list-report-types";
import type { ReportPreview } from "@/lib/compliance/preview/report-preview";
import { reportPreviewSchema } from "@/lib/compliance/preview/report-preview-schema";
import {
  reportPageSchema,
  reportResponseSchema,
  reportTypeCatalogueSchema,
} from "@/lib/compliance/requests/response-schemas";
import type { ReportResponse } from "@/lib/compliance/requests/to-report-response";
import type { DatabaseHealth } from "@/lib/health/check-database-health";
import { databaseHealthSchema } from "@/lib/health/health-schema";
import type { IngestResult } from "@/lib/ingest/ingest-records";
import {
  ingestResultSchema,
  upsertAgentsResultSchema,
  upsertDlpRulesResultSchema,
  upsertProcessingActivitiesResultSchema,
  upsertVaultSecretsResultSchema,
} from "@/lib/ingest/response-schemas";
import type { UpsertAgentsResult } from "@/lib/ingest/upsert-agents";
import type { UpsertDlpRulesResult } from "@/lib/ingest/upsert-dlp-rules";
import type { UpsertProcessingActivitiesResult } from "@/lib/ingest/upsert-processing-activities";
import type { UpsertVaultSecretsResult } from "@/lib/ingest/upsert-vault-secrets";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import {
  createdShareLinkResponseSchema,
  sharedReportResponseSchema,
  shareLinkListResponseSchema,
} from "@/lib/share-links/schemas";
import type { createShareLink } from "@/lib/share-links/create-share-link";
import type { listShareLinks } from "@/lib/share-links/list-share-links";
import type { openSharedReport } from "@/lib/share-links/open-shared-report";
import { jwksSchema } from "@/lib/signing/jwks-schema";
import type { listMembers } from "@/lib/users/list-members";
import type { addMember } from "@/lib/users/add-member";
import { addedMemberSchema, memberListSchema } from "@/lib/users/schemas";
import type { Jwks } from "@/lib/signing/to-jwks";

// Checked by `npm run typecheck`: what a handler returns must be a value its
// documented schema accepts. A field added to a result type without the schema
// (or the other way round, for required fields) fails to compile here.
type Documents<Schema extends z.ZodType, Value> = [Value] extends [z.input<Schema>]
  ? [z.output<Schema>] extends [Value]
    ? true
    : "the schema promises what the handler does not return"
  : "the handler returns what the schema does not allow";
const documented = <Check extends true>(check: Check) => check;
documented<Documents<typeof reportResponseSchema, ReportResponse>>(true);
documented<Documents<typeof reportPageSchema, ReportPage>>(true);
documented<Documents<typeof chainVerificationSchema, ChainVerification>>(true);
documented<Documents<typeof ingestResultSchema, IngestResult>>(true);
documented<Documents<typeof upsertAgentsResultSchema, UpsertAgentsResult>>(true);
documented<Documents<typeof upsertDlpRulesResultSchema, UpsertDlpRulesResult>>(true);
documented<Documents<typeof upsertVaultSecretsResultSchema, UpsertVaultSecretsResult>>(true);
documented<Documents<typeof upsertProcessingActivitiesResultSchema, UpsertProcessingActivitiesResult>>(true);
documented<Documents<typeof apiKeyResponseSchema, ApiKeyResponse>>(true);
documented<Documents<typeof createdApiKeySchema, { apiKey: ApiKeyResponse; key: string }>>(true);
documented<Documents<typeof jwksSchema, Jwks>>(true);
documented<Documents<typeof databaseHealthSchema, DatabaseHealth>>(true);
documented<Documents<typeof agentListSchema, { agents: AgentSummary[] }>>(true);
documented<Documents<typeof reportTypeCatalogueSchema, { reportTypes: ReportTypeCatalogue }>>(true);
documented<Documents<typeof reportPreviewSchema, ReportPreview>>(true);
documented<Documents<typeof createdShareLinkResponseSchema, Awaited<ReturnType<typeof createShareLink>>>>(true);
documented<Documents<typeof shareLinkListResponseSchema, Awaited<ReturnType<typeof listShareLinks>>>>(true);
documented<Documents<typeof memberListSchema, { members: Awaited<ReturnType<typeof listMembers>> }>>(true);
documented<Documents<typeof addedMemberSchema, Awaited<ReturnType<typeof addMember>>>>(true);
documented<Documents<typeof sharedReportResponseSchema, Awaited<ReturnType<typeof openSharedReport>>>>(true);

// The API, and the public share-link routes API clients download through.
const documentedDirectories = ["app/api", "app/share"];
// next-auth's own endpoints and the JSON 404 for unknown paths are not part of the API.
const undocumented = new Set(["app/api/auth/[...nextauth]/route.ts", "app/api/[...path]/route.ts"]);
const routeFiles = documentedDirectories
  .flatMap((directory) =>
    (readdirSync(path.join(process.cwd(), directory), { recursive: true }) as string[])
      .filter((file) => path.basename(file) === "route.ts")
      .map((file) => path.join(directory, file)),
  )
  .filter((file) => !undocumented.has(file))
  .sort();

/** `app/api/engine/compliance/reports/[reportRef]/route.ts` → its URL path's segments. */
function routeSegments(file: string): string[] {
  return path.dirname(path.relative("app", file)).split(path.sep);
}

/** A documented path serves a route file when each segment is equal or either side is a parameter. */
function serves(documentedPath: string, segments: string[]): boolean {
  const documentedSegments = documentedPath.split("/").filter(Boolean);
  return (
    documentedSegments.length === segments.length &&
    documentedSegments.every((segment, index) => {
      const routeSegment = segments[index] ?? "";
      return segment === routeSegment || /^\{.+\}$/.test(segment) || /^\[[^.].*\]$/.test(routeSegment);
    })
  );
}

async function implementedMethods(file: string): Promise<string[]> {
  const route = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as Record<string, unknown>;
  return httpMethods.filter((method) => typeof route[method] === "function" && !isMethodRejector(route[method]));
}

const { document, examples } = buildOpenApiDocument();
const operations = Object.entries(document.paths ?? {}).flatMap(([documentedPath, item]) =>
  httpMethods
    .filter((method) => (item as Record<string, unknown>)[method.toLowerCase()] !== undefined)
    .map((method) => ({ path: documentedPath, method })),
);

/** Every `example` of a media type in the document, wherever it sits. */
function collectMediaTypeExamples(node: unknown, found: unknown[] = [], inContent = false): unknown[] {
  if (typeof node !== "object" || node === null) return found;
  for (const [key, value] of Object.entries(node)) {
    if (inContent && key === "example") found.push(value);
    else if (key === "content" && typeof value === "object" && value !== null) {
      for (const media of Object.values(value)) collectMediaTypeExamples(media, found, true);
    } else if (key !== "schema") collectMediaTypeExamples(value, found);
  }
  return found;
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with both ways of signing in", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.components?.securitySchemes ?? {}).sort()).toEqual(["apiKey", "session"]);
    expect(routeFiles.length).toBeGreaterThan(15);
  });

  it("is served, without sign-in, at GET /api/engine/openapi.json", async () => {
    const route = (await import("@/app/api/engine/openapi.json/route")) as {
      GET: (request: Request, context: { params: Promise<object> }) => Promise<Response>;
    };
    const response = await route.GET(new Request("http://localhost/api/engine/openapi.json"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it.each(routeFiles)("documents every method %s implements", async (file) => {
    const segments = routeSegments(file);
    const methods = await implementedMethods(file);
    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods) {
      const match = operations.find((operation) => operation.method === method && serves(operation.path, segments));
      expect(match, `${method} /${segments.join("/")} (${file}) is in the document`).toBeDefined();
    }
  });

  it("documents no operation that no handler implements", async () => {
    const implemented = await Promise.all(
      routeFiles.map(async (file) => ({ segments: routeSegments(file), methods: await implementedMethods(file) })),
    );
    for (const operation of operations) {
      const handler = implemented.find(
        (route) => route.methods.includes(operation.method) && serves(operation.path, route.segments),
      );
      expect(handler, `${operation.method} ${operation.path} has a handler`).toBeDefined();
    }
  });

  it("gives every operation an id, a summary and an error answer or a reason not to", () => {
    for (const { path: documentedPath, method } of operations) {
      const operation = (document.paths?.[documentedPath] as Record<string, Record<string, unknown>>)[
        method.toLowerCase()
      ];
      expect(operation?.operationId, `${method} ${documentedPath}`).toEqual(expect.any(String));
      expect(operation?.summary, `${method} ${documentedPath}`).toEqual(expect.any(String));
    }
  });

  it("lists every example beside its schema", () => {
    expect(examples.length).toBeGreaterThan(30);
    // The generator keeps each example object as given: one not in the list escaped the parse below.
    const listed = new Set(examples.map((entry) => entry.example));
    const inDocument = collectMediaTypeExamples(document.paths);
    expect(inDocument.length).toBeGreaterThanOrEqual(examples.length);
    expect(inDocument.filter((example) => !listed.has(example))).toEqual([]);
  });

  it.each(examples.map((entry) => [entry.where, entry] as const))("%s: the example parses", (_where, entry) => {
    const parsed = entry.schema.safeParse(entry.example);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("documents the error body the error mapper writes", () => {
    expect(errorBodySchema.safeParse({ error: { code: "not_found", message: "Report not found" } }).success).toBe(true);
    expect(errorBodySchema.safeParse({ error: { code: "teapot", message: "no" } }).success).toBe(false);
  });
});
