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
    .optional(),
});

function todayUtcDay(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The instant a key that "expires on `day`" stops working: that UTC day's start. */
export function expiryInstantOf(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;
