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
