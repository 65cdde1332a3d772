// Every population the SOC2 Summary lists, each with its filter in words.
// Built once: the manifest counts these, and the sections page through them.
import { Prisma } from "@/lib/generated/sqlite/client";
import type { AgentFilter } from "../build-agent-filter";
import type { TimeWindow } from "../build-time-window";
import {
  auditEventSelectionWhere,
  describeAuditEventSelection,
  type AuditEventSelection,
} from "../audit-event-selection";
import { joinFilterText } from "../join-filter-text";
import type { Database } from "@/lib/db";
import { createAgentPopulation } from "../sources/agent-population";
import { createAuditEventPopulation } from "../sources/audit-event-population";
import { createDlpRulePopulation } from "../sources/dlp-rule-population";
import { createDlpViolationPopulation } from "../sources/dlp-violation-population";
import { createMembershipPopulation } from "../sources/membership-population";
import { createVaultAccessPopulation } from "../sources/vault-access-population";
import { createVaultSecretPopulation } from "../sources/vault-secret-population";

export const userAccessCategories = ["authentication", "user_admin"];
/** Changes people and keys make to the org's configuration (not sign-ins, reads or denials). */
export const administrativeCategories = ["user_admin", "agent_config", "dlp", "system_config", "compliance"];
export const apiKeyActionPrefix = "api_key.";

const DAY_MS = 86_400_000;
export const rotationMaxAgeDays = 90;

type Scope = { db: Database; orgId: string; window: TimeWindow; agentFilter: AgentFilter; asOf: Date };

export function planSoc2Populations({ db, orgId, window, agentFilter, asOf }: Scope) {
  const org = `orgId = ${orgId}`;
  const snapshot = (field: string) => `${field} < ${asOf.toISOString()} (as they stand at generation)`;
  // One selection per audit-event population: the manifest counts it, the
  // sections aggregate over it (`where`, with the period) and page through it.
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
  // Each condition twice, side by side: Prisma `where` for the aggregates,
  // SQL for the populations read through the driver.
  const condition = {
    dlpViolations: { orgId, ...agentFilter.required } satisfies Prisma.DlpViolationWhereInput,
    vaultAccesses: { AND: [{ orgId }, agentFilter.nullable] } satisfies Prisma.VaultAccessWhereInput,
  };
  const conditionSql = {
    dlpViolations: Prisma.sql`"orgId" = ${orgId} AND ${agentFilter.requiredSql}`,
    vaultAccesses: Prisma.sql`"orgId" = ${orgId} AND ${agentFilter.nullableSql}`,
  };
  const inPeriod = (events: AuditEventSelection): Prisma.AuditEventWhereInput => ({
    AND: [auditEventSelectionWhere(events), { occurredAt: window.range }],
  });
  const where = {
    userAccess: inPeriod(selection.userAccess),
    agentConfig: inPeriod(selection.agentConfig),
    enforcement: inPeriod(selection.enforcement),
    admin: inPeriod(selection.admin),
    dlpViolations: {
      AND: [condition.dlpViolations, { detectedAt: window.range }],
    } satisfies Prisma.DlpViolationWhereInput,
    vaultAccesses: {
      AND: [condition.vaultAccesses, { occurredAt: window.range }],
    } satisfies Prisma.VaultAccessWhereInput,
  };
  const events = (key: string, eventSelection: AuditEventSelection) =>
    createAuditEventPopulation(db, {
      source: `AuditEvent: ${key}`,
      filter: joinFilterText([
        org,
        window.describe("occurredAt"),
        describeAuditEventSelection(eventSelection),
        agentFilter.nullableText,
      ]),
      selection: eventSelection,
      range: window.range,
    });
  const snapshotRange = { lt: asOf };

  // "Not rotated in 90 days" is judged at the end of the period (or now, for a
  // period that has not ended): no successful rotation in the 90 days before it,
  // by the vault's log or the secret's own last-rotated time, and older than 90 days.
  const periodEnd = window.range.lt;
  const cutoff = new Date(periodEnd.getTime() - rotationMaxAgeDays * DAY_MS);

  return {
    where,
    selection,
    userAccessEvents: events("user_access.events", selection.userAccess),
    members: createMembershipPopulation(db, {
      source: "Membership: user_access.members",
      filter: joinFilterText([org, snapshot("createdAt"), "people are not agent-scoped: every member is listed"]),
      where: Prisma.sql`"orgId" = ${orgId}`,
      range: snapshotRange,
    }),
    agents: createAgentPopulation(db, {
      source: "Agent: agent_boundaries.agents",
      filter: joinFilterText([
        org,
        snapshot("createdAt"),
        agentFilter.agentIds && `id in (${agentFilter.agentIds.join(", ")})`,
      ]),
      where: agentFilter.agentIds
        ? Prisma.sql`"orgId" = ${orgId} AND "id" IN (${Prisma.join(agentFilter.agentIds)})`
        : Prisma.sql`"orgId" = ${orgId}`,
      range: snapshotRange,
    }),
    agentConfigEvents: events("agent_boundaries.events", selection.agentConfig),
    enforcementEvents: events("agent_enforcement.events", selection.enforcement),
    dlpRules: createDlpRulePopulation(db, {
      source: "DlpRule: dlp.rules",
      filter: joinFilterText([org, snapshot("createdAt"), "rules are org-wide: every rule is listed"]),
      where: Prisma.sql`"orgId" = ${orgId}`,
      range: snapshotRange,
    }),
    dlpViolations: createDlpViolationPopulation(db, {
      source: "DlpViolation: dlp.violations",
      filter: joinFilterText([org, window.describe("detectedAt"), agentFilter.requiredText]),
      where: conditionSql.dlpViolations,
      range: window.range,
    }),
    secrets: createVaultSecretPopulation(db, {
      source: "VaultSecret: vault.secrets",
      filter: joinFilterText([org, snapshot("createdAt"), agentFilter.nullableText]),
      where: Prisma.sql`"orgId" = ${orgId} AND ${agentFilter.nullableSql}`,
      range: snapshotRange,
    }),
    staleSecrets: createVaultSecretPopulation(db, {
      source: "VaultSecret: vault.not_rotated_90_days",
      filter: joinFilterText([
        org,
        `createdAt < ${cutoff.toISOString()}`,
        `no successful rotation in [${cutoff.toISOString()}, ${periodEnd.toISOString()}) in VaultAccess`,
        `lastRotatedAt not in [${cutoff.toISOString()}, ${periodEnd.toISOString()})`,
        agentFilter.nullableText,
      ]),
      where: Prisma.sql`"orgId" = ${orgId}
        AND NOT EXISTS (SELECT 1 FROM "VaultAccess" a
                         WHERE a."secretId" = "VaultSecret"."id" AND a."action" = 'rotate' AND a."outcome" = 'success'
                           AND a."occurredAt" >= ${cutoff} AND a."occurredAt" < ${periodEnd})
        AND ("lastRotatedAt" IS NULL OR "lastRotatedAt" < ${cutoff} OR "lastRotatedAt" >= ${periodEnd})
        AND ${agentFilter.nullableSql}`,
      range: { lt: cutoff },
    }),
    vaultAccesses: createVaultAccessPopulation(db, {
      source: "VaultAccess: vault.accesses",
      filter: joinFilterText([org, window.describe("occurredAt"), agentFilter.nullableText]),
      where: conditionSql.vaultAccesses,
      range: window.range,
    }),
    adminEvents: events("administrative_actions.events", selection.admin),
    rotation: { cutoff, periodEnd },
  };
}

export type Soc2Populations = ReturnType<typeof planSoc2Populations>;
