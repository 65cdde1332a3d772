// What Attest signs when a report completes: which files it produced (each
// artifact's SHA-256), for what scope, as of which audit-chain head, and the
// org's previous statement, so an org's statements form a chain of their own.
import { z } from "zod";

export const statementType = "attest.report-statement";
export const statementVersion = 1;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "must be a lowercase hex SHA-256");
const isoInstant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "must be an ISO-8601 instant");

const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

export const reportStatementSchema = z.strictObject({
  type: z.literal(statementType),
  version: z.literal(statementVersion),
  reportId: z.string().min(1),
  org: z.strictObject({ id: z.string().min(1), name: z.string() }),
  reportType: z.string().min(1),
  title: z.string(),
  scope: z.record(z.string(), jsonValue),
  generatedAt: isoInstant,
  generatedBy: z.strictObject({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
  schemaVersion: z.number().int(),
  artifacts: z
    .array(z.strictObject({ format: z.string().min(1), byteSize: z.number().int().nonnegative(), sha256: sha256Hex }))
    .min(1),
  /** The org's audit chain as the report saw it; null when the org had no events yet. */
  auditChainHead: z.strictObject({ seq: z.number().int().positive(), hash: sha256Hex }).nullable(),
  /** SHA-256 of the org's previous statement (its compact JWS text); null for the first. */
  previousStatement: z.strictObject({ reportId: z.string().min(1), sha256: sha256Hex }).nullable(),
  signedAt: isoInstant,
});

export type ReportStatement = z.output<typeof reportStatementSchema>;
