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
