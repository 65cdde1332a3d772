// The Art. 30 register as a spreadsheet in the OpenAPI document: its CSV
// export and import (lib/processing-register/).
import { z } from "zod";
import { upsertProcessingActivitiesResultSchema } from "@/lib/ingest/response-schemas";
import { apiKeyOrSession, type OpenApiBuilder } from "@/lib/openapi/create-openapi-builder";
import { registerColumns, requiredRegisterColumns } from "@/lib/processing-register/register-columns";

const base = "/api/engine/compliance/processing-activities";

const registerProblemSchema = z.object({
  row: z.number().int().nullable().meta({ description: "Spreadsheet row (the header is row 1); null: the whole file" }),
  column: z.string().nullable().meta({ description: "Column name; null: the whole row" }),
  message: z.string(),
});

const columnsText =
  `Columns (header row, any order and case): ${registerColumns.map((column) => `\`${column}\``).join(", ")}; ` +
  `required: ${requiredRegisterColumns.map((column) => `\`${column}\``).join(", ")}. ` +
  "Lists (`data_categories`, `subject_categories`, `recipients`) are items separated by semicolons, or a JSON array; " +
  "`third_country_transfers` is `CC: safeguard` items separated by semicolons, or a JSON array of `{ country, safeguard }`; " +
  "`automated_decision_making` is `true` or `false` (empty: false); an empty `agent_id` makes the activity org-wide.";

const csvBodyExample =
  "id,name,purpose,legal_basis,data_categories,subject_categories,retention\r\npa-support,Customer support,Answering customers,contract,name; email address,customers,24 months\r\n";

export function registerProcessingRegisterPaths({ registry, json, errors, examples }: OpenApiBuilder): void {
  examples.push({ where: `POST ${base}/import body`, schema: z.string(), example: csvBodyExample });
  const unauthorized: ["unauthorized", string] = [
    "unauthorized",
    "Sign in or send an API key as `Authorization: Bearer …`",
  ];

  registry.registerPath({
    method: "get",
    path: `${base}/export.csv`,
    operationId: "exportProcessingRegister",
    summary: "Export the Art. 30 register as CSV",
    description: `The org's processing activities, one per row, in the columns the import reads, so the file re-imports as it is. ${columnsText} \`id\` is the ingest client id, or the stored id of an activity that was never ingested. UTF-8 with a byte order mark; cells a spreadsheet would run as a formula start with an apostrophe (the import removes it).`,
    tags: ["Processing register"],
    security: apiKeyOrSession,
    responses: {
      200: {
        description: "The register, as an attachment",
        headers: {
          "Content-Disposition": { description: "attachment; filename=…", schema: { type: "string" } },
        },
        content: { "text/csv": { schema: { type: "string" } } },
      },
      ...errors(unauthorized, ["forbidden", "This needs the `reports:read` permission"]),
    },
  });

  registry.registerPath({
    method: "post",
    path: `${base}/import`,
    operationId: "importProcessingRegister",
    summary: "Import the Art. 30 register from CSV",
    description: `Upserts processing activities from a CSV spreadsheet sent as the body (\`Content-Type: text/csv\`, at most 5 MB, at most 1,000 rows), each row judged by the same rules as \`POST /api/engine/ingest/processing-activities\`. ${columnsText} A row whose \`id\` names an existing activity (as the ingest keys it, or an exported stored id) updates it with the row's full state; any other row creates one; activities the file leaves out stay as they are. All or nothing, in one transaction, one audit event per activity created or changed: a 400 lists every problem as \`details.rows\` = [{ row, column, message }] and writes nothing.`,
    tags: ["Processing register"],
    security: apiKeyOrSession,
    request: {
      body: {
        required: true,
        content: {
          "text/csv": {
            schema: { type: "string" },
            example: csvBodyExample,
          },
        },
      },
    },
    responses: {
      200: {
        description: "Every row named an existing activity",
        content: json(`POST ${base}/import 200`, upsertProcessingActivitiesResultSchema, importResultExample(false)),
      },
      201: {
        description: "At least one activity was created",
        content: json(`POST ${base}/import 201`, upsertProcessingActivitiesResultSchema, importResultExample(true)),
      },
      400: {
        description: "The file has problems; nothing was imported",
        content: json(
          `POST ${base}/import 400`,
          z.object({
            error: z.object({
              code: z.literal("validation_failed"),
              message: z.string(),
              details: z.object({ rows: z.array(registerProblemSchema) }),
            }),
          }),
          {
            error: {
              code: "validation_failed",
              message: "The file has 2 problems; nothing was imported",
              details: {
                rows: [
                  { row: 3, column: "legal_basis", message: 'Invalid option: expected one of "consent"|"contract"|…' },
                  { row: 1, column: "retention", message: "Missing column" },
                ],
              },
            },
          },
        ),
      },
      ...errors(
        unauthorized,
        ["forbidden", "This needs the `events:write` permission"],
        ["payload_too_large", "The request body is larger than 5120 KB"],
        ["unsupported_media_type", "Send the file as the request body with `Content-Type: text/csv`"],
      ),
    },
  });
}

function importResultExample(created: boolean) {
  const id = "3f1d0c9a8b7e6d5c4b3a29181716f5e4";
  return {
    kind: "processing-activities",
    accepted: 1,
    created: created ? 1 : 0,
    updated: created ? 0 : 1,
    records: [{ id, clientId: "pa-support", status: created ? "created" : "updated" }],
  };
}
