// The small, unscaled part of the demo: organizations, users, memberships,
// agents, DLP rules, vault secrets and processing activities, with their ids
// and the lookups the bulk generators need (who was a member when, in which role).
import type { Random } from "@/lib/demo/create-random";
import {
  demoAgents,
  demoDlpRules,
  demoOrganizations,
  demoProcessingActivities,
  demoSecrets,
  demoUsers,
  type DemoAgent,
  type DemoDlpRule,
  type DemoOrgKey,
  type DemoRole,
  type DemoSecret,
  type DemoUser,
} from "@/lib/demo/demo-catalog";
import type {
  AgentRow,
  DlpRuleRow,
  MembershipRow,
  OrganizationRow,
  ProcessingActivityRow,
  UserRow,
  VaultSecretRow,
} from "@/lib/demo/demo-tables";
import { generateIpv4Address } from "@/lib/demo/generate-ipv4-address";
import { pickTimeInDay } from "@/lib/demo/pick-time-in-day";

export const DAY_MS = 86_400_000;

export type DirectoryOrg = { key: DemoOrgKey; id: string; name: string; domain: string };

/** One person's membership of one org over time (including memberships later removed). */
export type DirectoryMember = {
  user: DemoUser;
  userId: string;
  org: DirectoryOrg;
  joinedMs: number;
  removedMs: number | null;
  roleChangeMs: number | null;
  roleBefore: DemoRole;
  role: DemoRole;
  /** The addresses this person usually signs in from. */
  homeIps: string[];
};

export type DirectoryAgent = {
  def: DemoAgent;
  id: string;
  org: DirectoryOrg;
  address: string;
  /** After this moment the agent sends nothing (paused or retired). */
  sendsUntilMs: number;
  /** After this moment the agent neither sends nor receives (retired). */
  activeUntilMs: number;
};

export type DirectoryRule = { def: DemoDlpRule; id: string; orgId: string; createdMs: number };
export type DirectorySecret = {
  def: DemoSecret;
  id: string;
  orgId: string;
  agentId: string | null;
  /** Rotations inside the window, oldest first (the last one is lastRotatedAt). */
  rotationsMs: number[];
};

/** How far back the demo's activity reaches. */
export const WINDOW_DAYS = 180;

export type DemoDirectory = {
  anchorMs: number;
  orgs: DirectoryOrg[];
  members: DirectoryMember[];
  agents: DirectoryAgent[];
  rules: DirectoryRule[];
  secrets: DirectorySecret[];
  rows: {
    Organization: OrganizationRow[];
    User: UserRow[];
    Membership: MembershipRow[];
    Agent: AgentRow[];
    DlpRule: DlpRuleRow[];
    VaultSecret: VaultSecretRow[];
    ProcessingActivity: ProcessingActivityRow[];
  };
};

export function roleAt(member: DirectoryMember, ms: number): DemoRole {
  return member.roleChangeMs !== null && ms < member.roleChangeMs ? member.roleBefore : member.role;
}

export function isMemberAt(member: DirectoryMember, ms: number): boolean {
  return member.joinedMs <= ms && (member.removedMs === null || ms < member.removedMs);
}

/** `formatTimestamp` writes a DateTime the way the target database stores it (BulkWriter.formatTimestamp). */
export function buildDemoDirectory(
  random: Random,
  anchorMs: number,
  passwordHash: string,
  formatTimestamp: (ms: number) => string,
): DemoDirectory {
  const at = (daysAgo: number) => pickTimeInDay(random, anchorMs - daysAgo * DAY_MS);
  const iso = formatTimestamp;

  const orgs: DirectoryOrg[] = demoOrganizations.map((o) => ({ key: o.key, id: o.id, name: o.name, domain: o.domain }));
  const orgByKey = (key: DemoOrgKey): DirectoryOrg => {
    const org = orgs.find((o) => o.key === key);
    if (!org) throw new Error(`unknown demo org ${key}`);
    return org;
  };
  const organizationRows = demoOrganizations.map((o) => ({
    id: o.id,
    slug: o.slug,
    name: o.name,
    createdAt: iso(at(o.createdDaysAgo)),
  }));

  const members: DirectoryMember[] = [];
  const userRows: UserRow[] = [];
  const membershipRows: MembershipRow[] = [];
  demoUsers.forEach((user, index) => {
    const userId = `usr_${String(index + 1).padStart(3, "0")}`;
    const userMembers = user.memberships.map((m) => {
      const member: DirectoryMember = {
        user,
        userId,
        org: orgByKey(m.org),
        joinedMs: at(m.joinedDaysAgo),
        removedMs: m.removedDaysAgo === undefined ? null : at(m.removedDaysAgo),
        roleChangeMs: m.roleChange ? at(m.roleChange.daysAgo) : null,
        roleBefore: m.roleChange?.from ?? m.role,
        role: m.role,
        homeIps: [generateIpv4Address(random), generateIpv4Address(random)],
      };
      return member;
    });
    members.push(...userMembers);
    const firstJoined = Math.min(...userMembers.map((m) => m.joinedMs));
    const allRemoved = userMembers.every((m) => m.removedMs !== null);
    const lastRemoved = Math.max(...userMembers.map((m) => m.removedMs ?? 0));
    userRows.push({
      id: userId,
      email: user.email,
      name: user.name,
      passwordHash,
      createdAt: iso(firstJoined),
      disabledAt: allRemoved ? iso(lastRemoved) : null,
    });
    userMembers.forEach((m, i) => {
      if (m.removedMs !== null) return; // a removed membership no longer exists
      membershipRows.push({
        id: `mem_${userId.slice(4)}_${i + 1}`,
        orgId: m.org.id,
        userId,
        role: m.role,
        createdAt: iso(m.joinedMs),
      });
    });
  });

  const agents: DirectoryAgent[] = [];
  const agentRows: AgentRow[] = [];
  demoAgents.forEach((def, index) => {
    const org = orgByKey(def.org);
    const id = `agt_${String(index + 1).padStart(3, "0")}`;
    const statusChange = def.configHistory.find((c) => c.field === "status");
    const stoppedMs = statusChange ? anchorMs - statusChange.daysAgo * DAY_MS : Number.POSITIVE_INFINITY;
    const lastChange = def.configHistory.reduce((min, c) => Math.min(min, c.daysAgo), def.createdDaysAgo);
    agents.push({
      def,
      id,
      org,
      address: `${def.localPart}@${org.domain}`,
      sendsUntilMs: stoppedMs,
      activeUntilMs: def.status === "retired" ? stoppedMs : Number.POSITIVE_INFINITY,
    });
    agentRows.push({
      id,
      orgId: org.id,
      name: def.name,
      emailAddress: `${def.localPart}@${org.domain}`,
      description: def.description,
      status: def.status,
      allowedTools: JSON.stringify(def.allowedTools),
      allowedRecipientDomains: JSON.stringify(def.allowedRecipientDomains),
      dailySendLimit: def.dailySendLimit,
      createdAt: iso(at(def.createdDaysAgo)),
      updatedAt: iso(anchorMs - lastChange * DAY_MS),
    });
  });
  const agentIdByKey = (key: string | null): string | null => {
    if (key === null) return null;
    const agent = agents.find((a) => a.def.key === key);
    if (!agent) throw new Error(`unknown demo agent ${key}`);
    return agent.id;
  };

  const rules: DirectoryRule[] = [];
  const ruleRows: DlpRuleRow[] = [];
  demoDlpRules.forEach((def, index) => {
    const id = `dlr_${String(index + 1).padStart(3, "0")}`;
    const orgId = orgByKey(def.org).id;
    const createdMs = at(def.createdDaysAgo);
    rules.push({ def, id, orgId, createdMs });
    if (def.deletedDaysAgo !== undefined) return; // only its audit trail remains
    ruleRows.push({
      id,
      orgId,
      name: def.name,
      description: def.description,
      detector: def.detector,
      pattern: def.pattern,
      severity: def.severity,
      action: def.action,
      enabled: def.enabled,
      createdAt: iso(createdMs),
      updatedAt: iso(def.update ? anchorMs - def.update.daysAgo * DAY_MS : createdMs),
    });
  });

  const secrets: DirectorySecret[] = [];
  const secretRows: VaultSecretRow[] = demoSecrets.map((def, index) => {
    const id = `sec_${String(index + 1).padStart(3, "0")}`;
    const orgId = orgByKey(def.org).id;
    const agentId = agentIdByKey(def.agent);
    const rotationDays: number[] = [];
    if (def.lastRotatedDaysAgo !== null) {
      rotationDays.push(def.lastRotatedDaysAgo);
      const every = def.rotationEveryDays;
      if (every !== null) {
        for (let d = def.lastRotatedDaysAgo + every; d <= WINDOW_DAYS && d < def.createdDaysAgo; d += every)
          rotationDays.push(d);
      }
    }
    const rotationsAllMs = rotationDays.map(at).sort((a, b) => a - b);
    secrets.push({
      def,
      id,
      orgId,
      agentId,
      rotationsMs: rotationsAllMs.filter((ms) => ms >= anchorMs - WINDOW_DAYS * DAY_MS),
    });
    const last = rotationsAllMs[rotationsAllMs.length - 1];
    return {
      id,
      orgId,
      name: def.name,
      kind: def.kind,
      agentId,
      createdAt: iso(at(def.createdDaysAgo)),
      lastRotatedAt: last === undefined ? null : iso(last),
    };
  });

  const activityRows: ProcessingActivityRow[] = demoProcessingActivities.map((def, index) => {
    const createdMs = at(200 - index * 7);
    return {
      id: `pa_${String(index + 1).padStart(3, "0")}`,
      orgId: orgByKey(def.org).id,
      agentId: agentIdByKey(def.agent),
      name: def.name,
      purpose: def.purpose,
      legalBasis: def.legalBasis,
      dataCategories: JSON.stringify(def.dataCategories),
      subjectCategories: JSON.stringify(def.subjectCategories),
      recipients: JSON.stringify(def.recipients),
      retention: def.retention,
      thirdCountryTransfers: JSON.stringify(def.thirdCountryTransfers),
      createdAt: iso(createdMs),
      updatedAt: iso(createdMs + (index % 3) * 30 * DAY_MS),
    };
  });

  return {
    anchorMs,
    orgs,
    members,
    agents,
    rules,
    secrets,
    rows: {
      Organization: organizationRows,
      User: userRows,
      Membership: membershipRows,
      Agent: agentRows,
      DlpRule: ruleRows,
      VaultSecret: secretRows,
      ProcessingActivity: activityRows,
    },
  };
}
