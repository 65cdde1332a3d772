// The kinds of activity record the platform may push, named as they appear in
// the path: POST /api/engine/ingest/{kind}. Anything else is 404.
import { AppError } from "@/lib/errors/app-error";

export const ingestKinds = [
  "audit-events",
  "emails",
  "dlp-violations",
  "vault-accesses",
  "query-logs",
  "data-sharing-records",
] as const;

export type IngestKind = (typeof ingestKinds)[number];

export function parseIngestKind(value: string | undefined): IngestKind {
  const kind = ingestKinds.find((candidate) => candidate === value);
  if (!kind) {
    throw new AppError("not_found", `Unknown record kind; use one of: ${ingestKinds.join(", ")}`);
  }
  return kind;
}
