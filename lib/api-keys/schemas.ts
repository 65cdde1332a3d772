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
  /**
   * Optional last day (UTC): the key stops working when that day begins
   * ("expires on 2027-03-01"). Tomorrow at the earliest. Checked against the
   * clock when parsed, like a report's period.
   */
  expiresOn: z.iso
    .date({ message: "Give the date as YYYY-MM-DD" })
    .refine((day) => day > todayUtcDay(), { message: "Choose a day after today (UTC)" })
    .optional()
    .meta({
      description:
        "The key's last day (UTC, YYYY-MM-DD): it stops working when that day begins. Tomorrow at the earliest; left out, the key does not expire.",
    }),
});

function todayUtcDay(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The instant a key that "expires on `day`" stops working: that UTC day's start. */
export function expiryInstantOf(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

const apiKeyPersonSchema = z.object({ id: z.string(), email: z.string() }).nullable();

export const apiKeyResponseSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The key's visible start (`att_` and 8 characters), to tell keys apart" }),
    scopes: z.array(z.enum(apiKeyScopes)),
    createdById: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso
      .datetime()
      .nullable()
      .meta({ description: "When the key stops working; null: it does not expire" }),
    revokedAt: z.iso.datetime().nullable(),
    createdBy: apiKeyPersonSchema.meta({ description: "Who created the key (null: a program, or a deleted user)" }),
    revokedBy: apiKeyPersonSchema.meta({ description: "Who revoked the key (null: not revoked, or a deleted user)" }),
    status: z.enum(["active", "expired", "revoked"]),
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
