// What the path registrations share: the registry, JSON content with an
// example, the error answers, and a list of every example beside the zod
// schema it illustrates, so tests can parse each one with the very schema the
// handler validates with.
import { OpenAPIRegistry, type ResponseConfig } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
import { errorBodySchema, type ErrorBody } from "@/lib/api/error-body-schema";
import { errorStatus } from "@/lib/api/error-status";
import type { ErrorCode } from "@/lib/errors/app-error";

/** Operations any signed-in caller may reach: an API key or the browser's session. */
export const apiKeyOrSession: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];

export type DocumentedExample = { where: string; schema: z.ZodType; example: unknown };

export type OpenApiBuilder = {
  registry: OpenAPIRegistry;
  examples: DocumentedExample[];
  /** `application/json` content whose example is recorded for the contract test. */
  json(
    where: string,
    schema: z.ZodType,
    example: unknown,
  ): { "application/json": { schema: z.ZodType; example: unknown } };
  /** The error answers an operation can give, each with its example body. */
  errors(...answers: [ErrorCode, string][]): Record<string, ResponseConfig>;
};

export function createOpenApiBuilder(): OpenApiBuilder {
  const registry = new OpenAPIRegistry();
  const examples: DocumentedExample[] = [];
  const json: OpenApiBuilder["json"] = (where, schema, example) => {
    examples.push({ where, schema, example });
    return { "application/json": { schema, example } };
  };
  const errors: OpenApiBuilder["errors"] = (...answers) => {
    const responses: Record<string, ResponseConfig> = {};
    for (const [code, message] of answers) {
      const status = String(errorStatus[code]);
      const body: ErrorBody = { error: { code, message } };
      if (code === "validation_failed")
        body.error.details = { fields: { "dateRange.to": ["`to` must be on or after `from`"] } };
      if (code === "rate_limited" || code === "database_unavailable" || code === "server_busy")
        body.error.details = { retryAfterSeconds: 30 };
      if (errorStatus[code] >= 500) body.error.requestId = "6f1c2a9e-3b7d-4e8a-9c51-0d2f4b6a8e13";
      // One status may answer several codes (400: bad_request, validation_failed); the first names it.
      responses[status] ??= { description: message, content: json(`${status} ${code}`, errorBodySchema, body) };
    }
    return responses;
  };
  return { registry, examples, json, errors };
}
