// Idempotency-Key on POST /reports/{type}: API consumers retry on timeouts, and
// a retry must answer the report the first request queued, not queue another.
// A key belongs to its caller (org and user or API key) for 24 hours, and is
// bound to the request it first came with.
import { hash } from "node:crypto";
import canonicalize from "canonicalize";
import { z } from "zod";
import type { Identity } from "@/lib/auth/identity";
import type { ReportType } from "@/lib/compliance/reports/registry";
import { AppError } from "@/lib/errors/app-error";

export const requestKeyHeader = "idempotency-key";
export const requestKeyLifetimeMs = 24 * 60 * 60 * 1000;

const requestKeyMessage = "Must be 1–255 visible ASCII characters";

/** The header's value (the OpenAPI document describes the header with it too). */
export const requestKeySchema = z.string().regex(/^[\x21-\x7e]{1,255}$/, requestKeyMessage);

/** The header's value: 1–255 visible ASCII characters, or absent. */
export function parseRequestKey(value: string | null): string | null {
  if (value === null) return null;
  if (!requestKeySchema.safeParse(value).success) {
    throw new AppError("validation_failed", "The request is invalid", {
      fields: { "Idempotency-Key": [requestKeyMessage] },
    });
  }
  return value;
}

export function requestKeyCaller(identity: Identity): string {
  return identity.kind === "api_key" ? `api_key:${identity.apiKeyId}` : `user:${identity.userId}`;
}

/** What a key is bound to: the type and the body as validated, in canonical form. */
export function hashReportRequest(type: ReportType, body: unknown): string {
  return hash("sha256", canonicalize({ type, body }) ?? "", "hex");
}
