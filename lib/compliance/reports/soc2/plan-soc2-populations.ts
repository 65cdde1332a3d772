// Every population the SOC2 Summary lists, each with its filter in words.
// Built once: the manifest counts these, the sections count over them (their
// own `where`) and page through them. Each condition is one SqlCondition whose
// SQL is the population's `where` and whose words are its manifest filter.
import { Prisma } from "@/lib/generated/sqlite/client";
import type { Database } from "@/lib/db";
import { allOf, columnEquals, columnIn, type SqlCondition } from "@/lib/db/sql-condition";
import type { AgentFilter } from "../build-agent-filter";
import type { TimeWindow } from "../build-time-window";
import { auditEventKinds, type AuditEventSelection } from "../audit-event-selection";
import { joinFilterText } from "../join-filter-text";
import { createAgentPopulation } from "../sources/agent-population";
import { createAuditEventPopulation } from "../sources/audit-event-population";
import { createDlpRulePopulation } from "../sources/dlp-rule-population";
import { createDlpViolationPopulation } from "../sources/dlp-violation-population";
import { createMembershipPopulation } from "../sources/membership-population";
import { createQueryLogPopulation } from "../sources/query-log-population";
import { createVaultAccessPopulation } from "../sources/vault-access-population";
import { createVaultSecretPopulation } from "../sources/vault-secret-population";

export const userAccessCategories = ["authentication", "user_admin"];
/** Changes people and keys make to the org's configuration (not sign-ins, reads or denials). */
export const administrativeCategories = ["user_admin", "agent_config", "dlp", "system_config", "compliance"];
export const apiKeyActionPrefix = "api_key.";

const DAY_MS = 86_400_000;
export const rotationMaxAgeDays = 90;

type Scope = { db: Database; orgId: string; window: TimeWindow; agentFilter: AgentFilter; asOf: Date };

/**
 * A population's `where` (org and `rest`, time apart: the population ranges it)
 * and its manifest filter (org, then time in words, then `rest` and any note).
 */
function scoped(org: SqlCondition, time: string, rest: SqlCondition | null, note?: string) {
  return {
    where: rest ? allOf(org, rest).sql : org.sql,
    filter: joinFilterText([org.text, time, rest?.text, note]),
  };
}

export function planSoc2Populations({ db, orgId, window, agentFilter, asOf }: Scope) {
  const org = columnEquals("orgId", orgId);
  const snapshot = (field: string) => `${field} < ${asOf.toISOString()} (as they stand at generation)`;
  // One selection per audit-event population: the manifest counts it, the
  // sections aggregate over it and page through it.
  const select = (categories: readonly string[], actionPrefix?: string): AuditEventSelection => ({
    orgId,
    categories,
    actionPrefix,
    agentFilter,
  });
  const selection = {
    userAccess: select(userAccessCategories),
    agentConfig: select(["agent_config"]),
    enforcement: select(["agent_enforcement"]),
    admin: select(administrativeCategories, apiKeyActionPrefix),
  };
  const events = (key: string, eventSelection: AuditEventSelection) =>
    createAuditEventPopulation(db, {
      source: `AuditEvent: ${key}`,
      // The words of auditEventSelectionCondition's parts, with time after the org.
      filter: scoped(org, window.describe("occurredAt"), allOf(auditEventKinds(eventSelection), agentFilter.nullable))
        .filter,
      selection: eventSelection,
      range: window.range,
    });
  const snapshotRange = { lt: asOf };

  // "Not rotated in 90 days" is judged at the end of the period (or now, for a
  // period that has not ended): no successful rotation in the 90 days before it,
  // by the vault's log or the secret's own last-rotated time, and older than 90 days.
  const periodEnd = window.range.lt;
  const cutoff = new Date(periodEnd.getTime() - rotationMaxAgeDays * DAY_MS);
  const notRotated: SqlCondition = {
    sql: Prisma.sql`NOT EXISTS (SELECT 1 FROM "VaultAccess" a
                         WHERE a."secretId" = "VaultSecret"."id" AND a."action" = 'rotate' AND a."outcome" = 'success'
                           AND a."occurredAt" >= ${cutoff} AND a."occurredAt" < ${periodEnd})
        AND ("lastRotatedAt" IS NULL OR "lastRotatedAt" < ${cutoff} OR "lastRotatedAt" >= ${periodEnd})`,
    text: joinFilterText([
      `no successful rotation in [${cutoff.toISOString()}, ${periodEnd.toISOString()}) in VaultAccess`,
      `lastRotatedAt not in [${cutoff.toISOString()}, ${periodEnd.toISOString()})`,
    ]),
  };

  return {
    userAccessEvents: events("user_access.events", selection.userAccess),
    members: createMembershipPopulation(db, {
      source: "Membership: user_access.members",
      ...scoped(org, snapshot("createdAt"), null, "people are not agent-scoped: every member is listed"),
      range: snapshotRange,
    }),
    agents: createAgentPopulation(db, {
      source: "Agent: agent_boundaries.agents",
      ...scoped(org, snapshot("createdAt"), agentFilter.agentIds && columnIn("id", agentFilter.agentIds)),
      range: snapshotRange,
    }),
    agentConfigEvents: events("agent_boundaries.events", selection.agentConfig),
    enforcementEvents: events("agent_enforcement.events", selection.enforcement),
    dlpRules: createDlpRulePopulation(db, {
      source: "DlpRule: dlp.rules",
      ...scoped(org, snapshot("createdAt"), null, "rules are org-wide: every rule is listed"),
      range: snapshotRange,
    }),
    dlpViolations: createDlpViolationPopulation(db, {
      source: "DlpViolation: dlp.violations",
      ...scoped(org, window.describe("detectedAt"), agentFilter.required),
      range: window.range,
    }),
    secrets: createVaultSecretPopulation(db, {
      source: "VaultSecret: vault.secrets",
      ...scoped(org, snapshot("createdAt"), agentFilter.nullable),
      range: snapshotRange,
    }),
    staleSecrets: createVaultSecretPopulation(db, {
      source: "VaultSecret: vault.not_rotated_90_days",
      ...scoped(org, `createdAt < ${cutoff.toISOString()}`, allOf(notRotated, agentFilter.nullable)),
      range: { lt: cutoff },
    }),
    vaultAccesses: createVaultAccessPopulation(db, {
      source: "VaultAccess: vault.accesses",
      ...scoped(org, window.describe("occurredAt"), agentFilter.nullable),
      range: window.range,
    }),
    queryLogs: createQueryLogPopulation(db, {
      source: "QueryLog: database_queries.queries",
      ...scoped(org, window.describe("occurredAt"), agentFilter.nullable),
      range: window.range,
    }),
    adminEvents: events("administrative_actions.events", selection.admin),
    rotation: { cutoff, periodEnd },
  };
}

export type Soc2Populations = ReturnType<typeof planSoc2Populations>;
