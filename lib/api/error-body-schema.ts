// The one error body every API route answers with (see to-error-response.ts),
// as a schema for the OpenAPI document.
import { z } from "zod";
import { errorCodes } from "@/lib/errors/app-error";

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z.unknown().optional().meta({
        description:
          "validation_failed: `{ fields: { <field>: [messages] } }` (a CSV import: `{ rows: [{ row, column, message }] }`); rate_limited, database_unavailable and server_busy: `{ retryAfterSeconds }`",
      }),
      requestId: z.string().optional().meta({ description: "On 5xx answers: quote it when reporting the problem" }),
    }),
  })
  .meta({ id: "Error" });

export type ErrorBody = z.output<typeof errorBodySchema>;
