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
  // Conditions without time; populations add their time range themselves (so
  // pages can start at the cursor) and the sections aggregate over `where`,
  // the same conditions with the period, so counts and populations agree.
  const eventsCondition = (condition: Prisma.AuditEventWhereInput): Prisma.AuditEventWhereInput => ({
    AND: [{ orgId }, condition, agentFilter.nullable],
  });
  const condition = {
    userAccess: eventsCondition({ category: { in: userAccessCategories } }),
    agentConfig: eventsCondition({ category: "agent_config" }),
    enforcement: eventsCondition({ category: "agent_enforcement" }),
    admin: eventsCondition({
      OR: [{ category: { in: administrativeCategories } }, { action: { startsWith: apiKeyActionPrefix } }],
    }),
    dlpViolations: { orgId, ...agentFilter.required } satisfies Prisma.DlpViolationWhereInput,
    vaultAccesses: { AND: [{ orgId }, agentFilter.nullable] } satisfies Prisma.VaultAccessWhereInput,
  };
  const inPeriod = (events: Prisma.AuditEventWhereInput): Prisma.AuditEventWhereInput => ({
    AND: [events, { occurredAt: window.range }],
  });
  const where = {
    userAccess: inPeriod(condition.userAccess),
    agentConfig: inPeriod(condition.agentConfig),
    enforcement: inPeriod(condition.enforcement),
    admin: inPeriod(condition.admin),
    dlpViolations: {
      AND: [condition.dlpViolations, { detectedAt: window.range }],
    } satisfies Prisma.DlpViolationWhereInput,
    vaultAccesses: {
      AND: [condition.vaultAccesses, { occurredAt: window.range }],
    } satisfies Prisma.VaultAccessWhereInput,
  };
  const events = (key: string, eventCondition: Prisma.AuditEventWhereInput, text: string) =>
    createAuditEventPopulation(db, {
      source: `AuditEvent: ${key}`,
      filter: joinFilterText([org, window.describe("occurredAt"), text, agentFilter.nullableText]),
      where: eventCondition,
      range: window.range,
    });
  const snapshotRange = { lt: asOf };

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
      condition.userAccess,
      `category in (${userAccessCategories.join(", ")})`,
    ),
    members: createMembershipPopulation(db, {
      source: "Membership: user_access.members",
      filter: joinFilterText([org, snapshot("createdAt"), "people are not agent-scoped: every member is listed"]),
      where: { orgId },
      range: snapshotRange,
    }),
    agents: createAgentPopulation(db, {
      source: "Agent: agent_boundaries.agents",
      filter: joinFilterText([
        org,
        snapshot("createdAt"),
        agentFilter.agentIds && `id in (${agentFilter.agentIds.join(", ")})`,
      ]),
      where: { orgId, ...(agentFilter.agentIds ? { id: { in: agentFilter.agentIds } } : {}) },
      range: snapshotRange,
    }),
    agentConfigEvents: events("agent_boundaries.events", condition.agentConfig, "category = agent_config"),
    enforcementEvents: events("agent_enforcement.events", condition.enforcement, "category = agent_enforcement"),
    dlpRules: createDlpRulePopulation(db, {
      source: "DlpRule: dlp.rules",
      filter: joinFilterText([org, snapshot("createdAt"), "rules are org-wide: every rule is listed"]),
      where: { orgId },
      range: snapshotRange,
    }),
    dlpViolations: createDlpViolationPopulation(db, {
      source: "DlpViolation: dlp.violations",
      filter: joinFilterText([org, window.describe("detectedAt"), agentFilter.requiredText]),
      where: condition.dlpViolations,
      range: window.range,
    }),
    secrets: createVaultSecretPopulation(db, {
      source: "VaultSecret: vault.secrets",
      filter: joinFilterText([org, snapshot("createdAt"), agentFilter.nullableText]),
      where: { AND: [{ orgId }, agentFilter.nullable] },
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
      where: {
        AND: [
          { orgId, accesses: { none: rotatedSinceCutoff } },
          { OR: [{ lastRotatedAt: null }, { lastRotatedAt: { lt: cutoff } }, { lastRotatedAt: { gte: periodEnd } }] },
          agentFilter.nullable,
        ],
      },
      range: { lt: cutoff },
    }),
    vaultAccesses: createVaultAccessPopulation(db, {
      source: "VaultAccess: vault.accesses",
      filter: joinFilterText([org, window.describe("occurredAt"), agentFilter.nullableText]),
      where: condition.vaultAccesses,
      range: window.range,
    }),
    adminEvents: events(
      "administrative_actions.events",
      condition.admin,
      `(category in (${administrativeCategories.join(", ")}) or action starts with "${apiKeyActionPrefix}")`,
    ),
    rotation: { cutoff, periodEnd },
  };
}

export type Soc2Populations = ReturnType<typeof planSoc2Populations>;
