// Every population the SOC2 Summary lists, each with its filter in words.
// Built once: the manifest counts these, and the sections page through them.
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { AgentFilter } from "../build-agent-filter";
import type { TimeWindow } from "../build-time-window";
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
  const eventsWhere = (where: Prisma.AuditEventWhereInput): Prisma.AuditEventWhereInput => ({
    AND: [{ orgId, occurredAt: window.range }, where, agentFilter.nullable],
  });
  const events = (key: string, where: Prisma.AuditEventWhereInput, text: string) =>
    createAuditEventPopulation(db, {
      source: `AuditEvent: ${key}`,
      filter: joinFilterText([org, window.describe("occurredAt"), text, agentFilter.nullableText]),
      where,
    });
  // The sections aggregate over exactly these, so counts and populations share one filter.
  const where = {
    userAccess: eventsWhere({ category: { in: userAccessCategories } }),
    agentConfig: eventsWhere({ category: "agent_config" }),
    enforcement: eventsWhere({ category: "agent_enforcement" }),
    admin: eventsWhere({
      OR: [{ category: { in: administrativeCategories } }, { action: { startsWith: apiKeyActionPrefix } }],
    }),
    dlpViolations: { orgId, detectedAt: window.range, ...agentFilter.required } satisfies Prisma.DlpViolationWhereInput,
    vaultAccesses: {
      AND: [{ orgId, occurredAt: window.range }, agentFilter.nullable],
    } satisfies Prisma.VaultAccessWhereInput,
  };

  // "Not rotated in 90 days" is judged at the end of the period (or now, for a
  // period that has not ended): no successful rotation in the 90 days before it,
  // by the vault's log or the secret's own last-rotated time, and older than 90 days.
  const periodEnd = window.range.lt;
  const cutoff = new Date(periodEnd.getTime() - rotationMaxAgeDays * DAY_MS);
  const rotatedSinceCutoff = { action: "rotate", outcome: "success", occurredAt: { gte: cutoff, lt: periodEnd } };

  return {
    where,
    userAccessEvents: events(
      "user_access.events",
      where.userAccess,
      `category in (${userAccessCategories.join(", ")})`,
    ),
    members: createMembershipPopulation(db, {
      source: "Membership: user_access.members",
      filter: joinFilterText([org, snapshot("createdAt"), "people are not agent-scoped: every member is listed"]),
      where: { orgId, createdAt: { lt: asOf } },
    }),
    agents: createAgentPopulation(db, {
      source: "Agent: agent_boundaries.agents",
      filter: joinFilterText([
        org,
        snapshot("createdAt"),
        agentFilter.agentIds && `id in (${agentFilter.agentIds.join(", ")})`,
      ]),
      where: { orgId, createdAt: { lt: asOf }, ...(agentFilter.agentIds ? { id: { in: agentFilter.agentIds } } : {}) },
    }),
    agentConfigEvents: events("agent_boundaries.events", where.agentConfig, "category = agent_config"),
    enforcementEvents: events("agent_enforcement.events", where.enforcement, "category = agent_enforcement"),
    dlpRules: createDlpRulePopulation(db, {
      source: "DlpRule: dlp.rules",
      filter: joinFilterText([org, snapshot("createdAt"), "rules are org-wide: every rule is listed"]),
      where: { orgId, createdAt: { lt: asOf } },
    }),
    dlpViolations: createDlpViolationPopulation(db, {
      source: "DlpViolation: dlp.violations",
      filter: joinFilterText([org, window.describe("detectedAt"), agentFilter.requiredText]),
      where: where.dlpViolations,
    }),
    secrets: createVaultSecretPopulation(db, {
      source: "VaultSecret: vault.secrets",
      filter: joinFilterText([org, snapshot("createdAt"), agentFilter.nullableText]),
      where: { AND: [{ orgId, createdAt: { lt: asOf } }, agentFilter.nullable] },
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
      where: {
        AND: [
          { orgId, createdAt: { lt: cutoff }, accesses: { none: rotatedSinceCutoff } },
          { OR: [{ lastRotatedAt: null }, { lastRotatedAt: { lt: cutoff } }, { lastRotatedAt: { gte: periodEnd } }] },
          agentFilter.nullable,
        ],
      },
    }),
    vaultAccesses: createVaultAccessPopulation(db, {
      source: "VaultAccess: vault.accesses",
      filter: joinFilterText([org, window.describe("occurredAt"), agentFilter.nullableText]),
      where: where.vaultAccesses,
    }),
    adminEvents: events(
      "administrative_actions.events",
      where.admin,
      `(category in (${administrativeCategories.join(", ")}) or action starts with "${apiKeyActionPrefix}")`,
    ),
    rotation: { cutoff, periodEnd },
  };
}

export type Soc2Populations = ReturnType<typeof planSoc2Populations>;
