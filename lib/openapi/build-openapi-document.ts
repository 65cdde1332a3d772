// The OpenAPI 3.1 document of Attest's API, generated from the zod schemas
// the route handlers validate with (lib/*/schemas.ts) and the response
// schemas beside them. Served at GET /api/engine/openapi.json and rendered at
// /docs/api; `npm run lint:openapi` lints it.
import { OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { apiKeyOrSession, createOpenApiBuilder, type DocumentedExample } from "@/lib/openapi/create-openapi-builder";
import { registerAccountPaths } from "@/lib/openapi/register-account-paths";
import { registerCompliancePaths } from "@/lib/openapi/register-compliance-paths";
import { registerIngestPaths } from "@/lib/openapi/register-ingest-paths";
import { registerPrivacyPaths } from "@/lib/openapi/register-privacy-paths";
import { registerSchedulePaths } from "@/lib/openapi/register-schedule-paths";
import { registerProcessingRegisterPaths } from "@/lib/openapi/register-processing-register-paths";
import { registerShareLinkPaths } from "@/lib/openapi/register-share-link-paths";
import { registerUserPaths } from "@/lib/openapi/register-user-paths";

export const openApiDocumentPath = "/api/engine/openapi.json";

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

export function buildOpenApiDocument(): { document: OpenApiDocument; examples: DocumentedExample[] } {
  const builder = createOpenApiBuilder();
  const { registry } = builder;
  registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "att_<8 characters>_<32 characters>",
    description:
      "An API key an org admin created under Settings → API keys, sent as `Authorization: Bearer att_…`. Its scopes (`reports:read`, `reports:write`, `events:write`) decide what it may do. A request that sends this header is judged on the key alone.",
  });
  registry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description:
      "The browser's sign-in session (`__Secure-next-auth.session-token` over https). Writes with a session must come from the app's own origin.",
  });

  registerCompliancePaths(builder);
  registerSchedulePaths(builder);
  registerShareLinkPaths(builder);
  registerPrivacyPaths(builder);
  registerIngestPaths(builder);
  registerProcessingRegisterPaths(builder);
  registerAccountPaths(builder);
  registerUserPaths(builder);
  registry.registerPath({
    method: "get",
    path: openApiDocumentPath,
    operationId: "getOpenApiDocument",
    summary: "This document",
    description: "The OpenAPI 3.1 description of this API. No sign-in.",
    tags: ["Reference"],
    security: [],
    responses: {
      200: { description: "The document", content: { "application/json": { schema: { type: "object" } } } },
    },
  });

  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Attest API",
      version: "1.0.0",
      description:
        'Compliance reports (SOC2, GDPR, Audit) with signed statements and evidence packages, the tamper-evident audit trail, and the ingest API the platform pushes its activity through.\n\nEvery error answers `{ "error": { "code", "message", "details"? } }` with the status its code implies; an id from another organization answers 404, like a missing one.',
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
    },
    servers: [{ url: "/", description: "This server" }],
    security: apiKeyOrSession,
    tags: [
      { name: "Reports", description: "Queue, follow, download and verify compliance reports." },
      { name: "Schedules", description: "Reports queued for every closed week, month or quarter, and their record." },
      { name: "Retention", description: "How long reports keep their files, and legal holds." },
      {
        name: "Share links",
        description: "Links that open one completed report without an account, and the public pages they open.",
      },
      { name: "Audit trail", description: "The org's hash-chained audit trail." },
      { name: "Signing keys", description: "Public keys that verify report statements." },
      { name: "Ingest", description: "The platform pushes its activity and configuration." },
      { name: "API keys", description: "Keys for integrations (org admins)." },
      { name: "Users", description: "The organization's members, their roles and invitations." },
      { name: "Agents", description: "The org's AI agents." },
      { name: "Health", description: "For load balancers." },
      { name: "Reference", description: "This document." },
    ],
  });
  return { document, examples: builder.examples };
}

let cached: OpenApiDocument | undefined;

/** Built once per process: the schemas cannot change while it runs. */
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument().document;
  return cached;
}
