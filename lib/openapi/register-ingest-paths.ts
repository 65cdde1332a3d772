// The ingest routes in the OpenAPI document: one operation per record kind
// (each its own body schema), and the configuration upserts.
import type { z } from "zod";
import type { ResponseConfig } from "@asteasolutions/zod-to-openapi";
import {
  agentBatchSchema,
  dlpRuleBatchSchema,
  ingestBatchSchema,
  processingActivityBatchSchema,
  vaultSecretBatchSchema,
} from "@/lib/ingest/schemas";
import { ingestKinds } from "@/lib/ingest/parse-ingest-kind";
import {
  ingestResultSchema,
  upsertAgentsResultSchema,
  upsertDlpRulesResultSchema,
  upsertProcessingActivitiesResultSchema,
  upsertVaultSecretsResultSchema,
} from "@/lib/ingest/response-schemas";
import { apiKeyOrSession, type OpenApiBuilder } from "@/lib/openapi/create-openapi-builder";
import {
  agentBatchExample,
  dlpRuleBatchExample,
  ingestBatchExamples,
  processingActivityBatchExample,
  vaultSecretBatchExample,
} from "@/lib/openapi/ingest-examples";

const base = "/api/engine/ingest";
const rateLimitHeaders = {
  "RateLimit-Limit": { description: "Ingest requests allowed per minute", schema: { type: "integer" as const } },
  "RateLimit-Remaining": { description: "Requests left in this minute", schema: { type: "integer" as const } },
};

export function registerIngestPaths({ registry, json, errors }: OpenApiBuilder): void {
  const failures = errors(
    ["validation_failed", "The request is invalid"],
    ["unauthorized", "Sign in or send an API key as `Authorization: Bearer …`"],
    ["forbidden", "This needs the `events:write` permission"],
    ["payload_too_large", "The request body is larger than 5120 KB"],
    ["unsupported_media_type", "Send the request body as JSON with `Content-Type: application/json`"],
    ["rate_limited", "Too many ingest requests; slow down"],
  );

  const register = (options: {
    path: string;
    operationId: string;
    summary: string;
    description: string;
    body: z.ZodType;
    bodyExample: unknown;
    result: z.ZodType;
    resultExample: unknown;
    createdMeans: string;
  }) => {
    const answer = (description: string, status: number): ResponseConfig => ({
      description,
      headers: rateLimitHeaders,
      content: json(`POST ${options.path} ${status}`, options.result, options.resultExample),
    });
    registry.registerPath({
      method: "post",
      path: options.path,
      operationId: options.operationId,
      summary: options.summary,
      description: `${options.description} All or nothing: one invalid record refuses the batch, naming it (e.g. \`records.3.sentAt\`).`,
      tags: ["Ingest"],
      security: apiKeyOrSession,
      request: {
        body: { required: true, content: json(`POST ${options.path} body`, options.body, options.bodyExample) },
      },
      responses: {
        200: answer("Nothing new: every record was already stored (a retry)", 200),
        201: answer(options.createdMeans, 201),
        ...failures,
      },
    });
  };

  for (const kind of ingestKinds) {
    register({
      path: `${base}/${kind}`,
      operationId: `ingest${kind.replace(/(^|-)([a-z])/g, (_, _dash, letter: string) => letter.toUpperCase())}`,
      summary: `Push ${kind.replaceAll("-", " ")}`,
      description: `Up to 1000 ${kind.replaceAll("-", " ")} per request. A record's own \`id\` makes retries safe: a record whose id the org already holds is skipped as a duplicate.`,
      body: ingestBatchSchema(kind),
      bodyExample: ingestBatchExamples[kind],
      result: ingestResultSchema,
      resultExample: {
        kind,
        accepted: 1,
        duplicates: 0,
        records: [{ id: "cmrecord000000000000001", clientId: "client-record-1", status: "created" }],
      },
      createdMeans: "Records were written",
    });
  }

  register({
    path: `${base}/agents`,
    operationId: "upsertAgents",
    summary: "Upsert agents",
    description: "The platform's agents, upserted by email address; activity records reference the ids it answers.",
    body: agentBatchSchema,
    bodyExample: agentBatchExample,
    result: upsertAgentsResultSchema,
    resultExample: {
      kind: "agents",
      accepted: 1,
      created: 1,
      updated: 0,
      records: [{ id: "cmagent0000support01", emailAddress: "support-bot@acme.test", status: "created" }],
    },
    createdMeans: "An agent was created",
  });

  register({
    path: `${base}/dlp-rules`,
    operationId: "upsertDlpRules",
    summary: "Upsert DLP rules",
    description: "The platform's DLP rules, upserted by its own rule `id`, so DLP violations can reference them.",
    body: dlpRuleBatchSchema,
    bodyExample: dlpRuleBatchExample,
    result: upsertDlpRulesResultSchema,
    resultExample: {
      kind: "dlp-rules",
      accepted: 1,
      created: 1,
      updated: 0,
      records: [{ id: "cmrule00000000000cards", clientId: "rule-payment-cards", status: "created" }],
    },
    createdMeans: "A rule was created",
  });

  register({
    path: `${base}/vault-secrets`,
    operationId: "upsertVaultSecrets",
    summary: "Upsert vault secrets",
    description: "Descriptions of the platform's vault secrets (never their values), upserted by name.",
    body: vaultSecretBatchSchema,
    bodyExample: vaultSecretBatchExample,
    result: upsertVaultSecretsResultSchema,
    resultExample: {
      kind: "vault-secrets",
      accepted: 1,
      created: 0,
      updated: 1,
      records: [{ id: "cmsecret00000stripe01", name: "stripe-api-key", status: "updated" }],
    },
    createdMeans: "A secret was created",
  });

  register({
    path: `${base}/processing-activities`,
    operationId: "upsertProcessingActivities",
    summary: "Upsert processing activities",
    description: "GDPR Art. 30 records of processing, upserted by the platform's own `id`, for the GDPR Export.",
    body: processingActivityBatchSchema,
    bodyExample: processingActivityBatchExample,
    result: upsertProcessingActivitiesResultSchema,
    resultExample: {
      kind: "processing-activities",
      accepted: 1,
      created: 1,
      updated: 0,
      records: [{ id: "cmactivity000support01", clientId: "pa-customer-support", status: "created" }],
    },
    createdMeans: "An activity was created",
  });
}
