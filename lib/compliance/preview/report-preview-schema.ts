// The shape of GET /reports/:id/preview (report-preview.ts), for the OpenAPI
// document. tests/unit/openapi-contract.test.ts checks ReportPreview against
// it, so the two cannot drift apart.
import { z } from "zod";
import type { JsonValue } from "@/lib/compliance/reports/report-definition";

function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isJsonValue);
  return typeof value === "object" && Object.values(value as object).every(isJsonValue);
}

// A recursive zod union is more than the OpenAPI generator walks; the type names the JSON kinds instead.
const jsonValueSchema = z.custom<JsonValue>(isJsonValue, "Expected a JSON value").meta({
  type: ["string", "number", "boolean", "null", "array", "object"],
  description: "Any JSON value",
});

const rowSchema = z.record(z.string(), jsonValueSchema);
const rowPointSchema = z.object({ at: z.string(), id: z.string() }).nullable();

export const reportPreviewSchema = z
  .object({
    document: z.object({
      report: z
        .record(z.string(), jsonValueSchema)
        .meta({ description: "The report document's header: type, title, scope, generation time" }),
      manifest: z
        .array(
          z.object({
            source: z.string(),
            filter: z.string().meta({ description: "The filter actually applied, in words" }),
            rowCount: z.number().int().min(0),
            first: rowPointSchema,
            last: rowPointSchema,
          }),
        )
        .meta({ description: "Per source: what was read, and enough to prove the population is complete" }),
      sections: z.record(
        z.string(),
        z.object({
          title: z.string(),
          description: z.string(),
          criteria: z.array(z.string()).meta({ description: 'e.g. ["CC6.1"] for SOC2; [] otherwise' }),
          summary: z.record(z.string(), jsonValueSchema),
          tables: z
            .record(z.string(), z.array(rowSchema))
            .meta({ description: "Each table's first `rowsPerTable` rows (the charts' aggregate tables whole)" }),
        }),
      ),
    }),
    rowCounts: z
      .record(z.string(), z.record(z.string(), z.number().int().min(0)))
      .meta({ description: "Every table's full row count, by section" }),
    dailyCounts: z
      .record(z.string(), z.record(z.string(), z.record(z.string(), z.number().int().min(0))))
      .meta({ description: "Per section, per table, per UTC day (YYYY-MM-DD): rows that occurred that day" }),
    rowsPerTable: z.number().int().min(1),
  })
  .meta({
    id: "ReportPreview",
    description: "What the report viewer shows of a completed report, stored when it was generated.",
  });
