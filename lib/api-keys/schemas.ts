// Input of the API key endpoints.
import { z } from "zod";
import { apiKeyScopes } from "@/lib/auth/identity";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(100),
  scopes: z
    .array(z.enum(apiKeyScopes))
    .min(1, "Choose at least one scope")
    .max(apiKeyScopes.length)
    // Stored in one canonical order, each scope once.
    .transform((scopes) => apiKeyScopes.filter((scope) => scopes.includes(scope))),
});

export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

export const apiKeyResponseSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The key's visible start (`att_` and 8 characters), to tell keys apart" }),
    scopes: z.array(z.enum(apiKeyScopes)),
    createdById: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ApiKey", description: "An API key as listed: never the secret." });

export const apiKeyListSchema = z.object({ apiKeys: z.array(apiKeyResponseSchema) }).meta({ id: "ApiKeyList" });

export const createdApiKeySchema = z
  .object({
    apiKey: apiKeyResponseSchema,
    key: z
      .string()
      .regex(/^att_[0-9A-Za-z]{8}_[0-9A-Za-z]{32}$/)
      .meta({ description: "The key itself, shown this once: send it as `Authorization: Bearer <key>`" }),
  })
  .meta({ id: "CreatedApiKey" });
