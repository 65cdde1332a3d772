import { z } from "zod";

const seq = z.coerce.number().int().min(1).max(2_147_483_647);

/** GET /audit-trail/verify: an inclusive range of sequence numbers, default the whole chain. */
export const verifyAuditTrailQuerySchema = z
  .object({ from: seq.optional(), to: seq.optional() })
  .refine((range) => range.from === undefined || range.to === undefined || range.from <= range.to, {
    message: "to must not be before from",
    path: ["to"],
  });
export type VerifyAuditTrailQuery = z.output<typeof verifyAuditTrailQuerySchema>;

export const chainVerificationSchema = z
  .object({
    status: z.enum(["verified", "broken"]),
    firstSeq: z.number().int().nullable(),
    lastSeq: z.number().int().nullable(),
    count: z.number().int().meta({ description: "Events recomputed" }),
    headHash: z.string().nullable().meta({ description: "Hash of the last event that verified" }),
    redactedCount: z.number().int().meta({ description: "Events whose erased fields verified by their kept digests" }),
    brokenAt: z
      .object({ seq: z.number().int(), reason: z.string() })
      .optional()
      .meta({ description: "The first break, when the chain is broken" }),
  })
  .meta({ id: "ChainVerification" });
