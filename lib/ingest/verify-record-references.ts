// Checks that every agent, DLP rule, vault secret and email a batch refers to
// exists in the caller's org; refuses the batch (400, per record and field)
// otherwise. One query per referenced table, whatever the batch size. An id of
// another org is reported exactly like a missing one.
import { AppError, type FieldErrors } from "@/lib/errors/app-error";
import type { IngestTransaction } from "@/lib/ingest/ingest-transaction";
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";
import type { IngestRecord, ProcessingActivityRecord, VaultSecretRecord } from "@/lib/ingest/schemas";

type Target = "agent" | "dlpRule" | "vaultSecret" | "email";

/** Kinds whose records refer to other rows: activity records; vault secrets and processing activities (their agent). */
export type ReferencingKind = IngestKind | "vault-secrets" | "processing-activities";

const referencesOf: Record<ReferencingKind, readonly { field: string; target: Target }[]> = {
  "audit-events": [{ field: "agentId", target: "agent" }],
  emails: [{ field: "agentId", target: "agent" }],
  "dlp-violations": [
    { field: "agentId", target: "agent" },
    { field: "ruleId", target: "dlpRule" },
    { field: "emailId", target: "email" },
  ],
  "vault-accesses": [
    { field: "agentId", target: "agent" },
    { field: "secretId", target: "vaultSecret" },
  ],
  "query-logs": [{ field: "agentId", target: "agent" }],
  "data-sharing-records": [{ field: "agentId", target: "agent" }],
  "vault-secrets": [{ field: "agentId", target: "agent" }],
  "processing-activities": [{ field: "agentId", target: "agent" }],
};

const targetNames: Record<Target, string> = {
  agent: "agent",
  dlpRule: "DLP rule",
  vaultSecret: "vault secret",
  email: "email",
};

export type VerifiedReferences = {
  /** Severity of each referenced DLP rule: a violation without one takes its rule's. */
  ruleSeverities: Map<string, string>;
};

export async function verifyRecordReferences(
  tx: IngestTransaction,
  orgId: string,
  kind: ReferencingKind,
  records: readonly IngestRecord[] | readonly VaultSecretRecord[] | readonly ProcessingActivityRecord[],
): Promise<VerifiedReferences> {
  const fields: FieldErrors = {};
  const unknownByTarget = new Map<Target, Set<string>>();
  const ruleSeverities = new Map<string, string>();

  for (const { field, target } of referencesOf[kind]) {
    const idsAt = records.map((record) => (record as Record<string, unknown>)[field]);
    const wanted = [...new Set(idsAt.filter((id): id is string => typeof id === "string"))];
    if (wanted.length === 0) continue;
    const found = await findExisting(tx, orgId, target, wanted);
    if (target === "dlpRule") for (const [id, severity] of found) ruleSeverities.set(id, severity ?? "");
    idsAt.forEach((id, index) => {
      if (typeof id !== "string" || found.has(id)) return;
      fields[`records.${index}.${field}`] = [`Unknown ${targetNames[target]} in this organization: ${id}`];
      const unknown = unknownByTarget.get(target) ?? new Set<string>();
      unknownByTarget.set(target, unknown.add(id));
    });
  }

  if (unknownByTarget.size > 0) {
    const summary = [...unknownByTarget]
      .map(([target, ids]) => `${targetNames[target]}${ids.size > 1 ? "s" : ""} ${[...ids].join(", ")}`)
      .join("; ");
    throw new AppError("validation_failed", `Unknown in this organization: ${summary}`, { fields });
  }
  return { ruleSeverities };
}

/** id → severity (rules) or null (other targets), for the ids that exist in the org. */
async function findExisting(
  tx: IngestTransaction,
  orgId: string,
  target: Target,
  ids: string[],
): Promise<Map<string, string | null>> {
  const where = { orgId, id: { in: ids } };
  switch (target) {
    case "agent":
      return toMap(await tx.agent.findMany({ where, select: { id: true } }));
    case "dlpRule": {
      const rules = await tx.dlpRule.findMany({ where, select: { id: true, severity: true } });
      return new Map(rules.map((rule) => [rule.id, rule.severity]));
    }
    case "vaultSecret":
      return toMap(await tx.vaultSecret.findMany({ where, select: { id: true } }));
    case "email":
      return toMap(await tx.email.findMany({ where, select: { id: true } }));
  }
}

function toMap(rows: { id: string }[]): Map<string, string | null> {
  return new Map(rows.map((row) => [row.id, null]));
}
