// Response shapes of the ingest routes, for the OpenAPI document (lib/openapi).
// The handlers' result types are checked against them in
// tests/unit/openapi-contract.test.ts.
import { z } from "zod";
import { ingestKinds } from "@/lib/ingest/parse-ingest-kind";

export const ingestResultSchema = z
  .object({
    kind: z.enum(ingestKinds),
    accepted: z.number().int().meta({ description: "Records written by this request" }),
    duplicates: z.number().int().meta({ description: "Records skipped: the org already holds their client id" }),
    records: z
      .array(
        z.object({
          id: z.string().meta({ description: "The id to reference the record by (e.g. a DLP violation's emailId)" }),
          clientId: z.string().nullable(),
          status: z.enum(["created", "duplicate"]),
        }),
      )
      .meta({ description: "One entry per record, in request order" }),
  })
  .meta({ id: "IngestResult" });

function upsertResultSchema<const Kind extends string, const Key extends string>(kind: Kind, key: Key) {
  return z.object({
    kind: z.literal(kind),
    accepted: z.number().int().meta({ description: "Records created or updated by this request" }),
    created: z.number().int(),
    updated: z.number().int(),
    records: z.array(
      z.object({ id: z.string(), status: z.enum(["created", "updated"]) }).extend({ [key]: z.string() } as {
        [K in Key]: z.ZodString;
      }),
    ),
  });
}

export const upsertAgentsResultSchema = upsertResultSchema("agents", "emailAddress").meta({
  id: "UpsertAgentsResult",
});
export const upsertVaultSecretsResultSchema = upsertResultSchema("vault-secrets", "name").meta({
  id: "UpsertVaultSecretsResult",
});
export const upsertDlpRulesResultSchema = upsertResultSchema("dlp-rules", "clientId").meta({
  id: "UpsertDlpRulesResult",
});
export const upsertProcessingActivitiesResultSchema = upsertResultSchema("processing-activities", "clientId").meta({
  id: "UpsertProcessingActivitiesResult",
});
