// The routes around the engine in the OpenAPI document: API keys (how
// integrations authenticate), the org's agents and the health check.
import { z } from "zod";
import { agentListSchema } from "@/lib/agents/agent-list-schema";
import { apiKeyListSchema, createApiKeySchema, createdApiKeySchema } from "@/lib/api-keys/schemas";
import type { ApiKeyResponse } from "@/lib/api-keys/to-api-key-response";
import { databaseHealthSchema } from "@/lib/health/health-schema";
import { apiKeyOrSession, type OpenApiBuilder } from "@/lib/openapi/create-openapi-builder";

const apiKeyExample: ApiKeyResponse = {
  id: "cmkey00000000000000ci01",
  name: "CI exporter",
  prefix: "att_Q7kP2mXa",
  scopes: ["reports:read", "reports:write"],
  createdById: "cmuser0000000000admin01",
  createdAt: "2026-11-02T10:00:00.000Z",
  lastUsedAt: "2026-11-30T09:15:00.000Z",
  expiresAt: "2027-03-01T00:00:00.000Z",
  revokedAt: null,
  createdBy: { id: "cmuser0000000000admin01", email: "admin@acme.test" },
  revokedBy: null,
  status: "active",
};

export function registerAccountPaths({ registry, json, errors }: OpenApiBuilder): void {
  const adminOnly = errors(
    ["unauthorized", "Sign in or send an API key as `Authorization: Bearer …`"],
    ["forbidden", "This needs the `org:admin` permission"],
  );

  registry.registerPath({
    method: "get",
    path: "/api/api-keys",
    operationId: "listApiKeys",
    summary: "List API keys",
    description: "The org's API keys, revoked ones included (org admins, signed in).",
    tags: ["API keys"],
    security: [{ session: [] }],
    responses: {
      200: {
        description: "The keys",
        content: json("GET /api-keys 200", apiKeyListSchema, { apiKeys: [apiKeyExample] }),
      },
      ...adminOnly,
    },
  });

  registry.registerPath({
    method: "post",
    path: "/api/api-keys",
    operationId: "createApiKey",
    summary: "Create an API key",
    description: "The key is in the answer once and never again: only its hash is stored.",
    tags: ["API keys"],
    security: [{ session: [] }],
    request: {
      body: {
        required: true,
        content: json("POST /api-keys body", createApiKeySchema, {
          name: "CI exporter",
          scopes: ["reports:read", "reports:write"],
        }),
      },
    },
    responses: {
      201: {
        description: "Created",
        content: json("POST /api-keys 201", createdApiKeySchema, {
          apiKey: { ...apiKeyExample, lastUsedAt: null },
          key: "att_Q7kP2mXa_4fJ9sLm2Qx8Rt6Vb1Nc3Hd5Kw7Yz0Pe2",
        }),
      },
      ...errors(["validation_failed", "The request is invalid"]),
      ...adminOnly,
    },
  });

  registry.registerPath({
    method: "delete",
    path: "/api/api-keys/{id}",
    operationId: "revokeApiKey",
    summary: "Revoke an API key",
    description: "The key stops working at once.",
    tags: ["API keys"],
    security: [{ session: [] }],
    request: { params: z.object({ id: z.string().meta({ example: apiKeyExample.id }) }) },
    responses: { 204: { description: "Revoked" }, ...adminOnly, ...errors(["not_found", "API key not found"]) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/agents",
    operationId: "listAgents",
    summary: "List agents",
    description: "The org's agents by name: what report requests name in `agentIds` / `agentId`.",
    tags: ["Agents"],
    security: apiKeyOrSession,
    responses: {
      200: {
        description: "The agents",
        content: json("GET /agents 200", agentListSchema, {
          agents: [
            {
              id: "cmagent0000support01",
              name: "Support bot",
              emailAddress: "support-bot@acme.test",
              status: "active",
            },
          ],
        }),
      },
      ...errors(
        ["unauthorized", "Sign in or send an API key as `Authorization: Bearer …`"],
        ["forbidden", "This needs the `reports:read` permission"],
      ),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/health",
    operationId: "getHealth",
    summary: "Health check",
    description: "Liveness and database reachability, for load balancers. No sign-in.",
    tags: ["Health"],
    security: [],
    responses: {
      200: {
        description: "Up",
        content: json("GET /health 200", databaseHealthSchema, { status: "ok", database: "sqlite" }),
      },
      ...errors(["database_unavailable", "The database is unavailable; try again shortly"]),
    },
  });
}
