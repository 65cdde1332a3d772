// The audit events that tell the demo's story and do not scale: people joining,
// changing role and leaving; agent boundary changes (before/after); DLP rule
// changes; system settings; secret rotations. They agree with the final state
// of the directory (the last "after" of a change is the value in the table).
import type { Random } from "@/lib/demo/create-random";
import {
  DAY_MS,
  WINDOW_DAYS,
  isMemberAt,
  roleAt,
  type DemoDirectory,
  type DirectoryOrg,
} from "@/lib/demo/build-demo-directory";
import { systemSettings } from "@/lib/demo/demo-catalog";
import type { AuditEventRow } from "@/lib/demo/demo-tables";
import { pickTimeInDay } from "@/lib/demo/pick-time-in-day";

/** An audit event before it gets its id; `ms` is its time. */
/** An event before it is written: the chain's columns are added as it is linked. */
export type PendingAuditEvent = Omit<
  AuditEventRow,
  | "id"
  | "occurredAt"
  | "seq"
  | "prevHash"
  | "hash"
  | "salt"
  | "source"
  | "sourceApiKeyId"
  | "sourceUserId"
  | "redactions"
> & { ms: number };

type Actor = Pick<PendingAuditEvent, "actorType" | "actorId" | "actorLabel" | "ip">;

const SCHEDULER: Actor = { actorType: "system", actorId: null, actorLabel: "vault rotation scheduler", ip: null };

export function buildDemoStoryEvents(random: Random, dir: DemoDirectory): PendingAuditEvent[] {
  const windowStartMs = dir.anchorMs - WINDOW_DAYS * DAY_MS;
  const inWindow = (ms: number) => ms >= windowStartMs && ms < dir.anchorMs;
  const at = (daysAgo: number) => pickTimeInDay(random, dir.anchorMs - daysAgo * DAY_MS);
  const events: PendingAuditEvent[] = [];

  /** An admin of the org at that moment (not `exceptUserId`), signing from one of their usual addresses. */
  const adminAt = (org: DirectoryOrg, ms: number, exceptUserId?: string): Actor => {
    const admins = dir.members.filter(
      (m) => m.org.id === org.id && m.userId !== exceptUserId && isMemberAt(m, ms) && roleAt(m, ms) === "admin",
    );
    if (admins.length === 0) return { actorType: "system", actorId: null, actorLabel: "system", ip: null };
    const admin = random.pick(admins);
    return { actorType: "user", actorId: admin.userId, actorLabel: admin.user.email, ip: random.pick(admin.homeIps) };
  };

  const push = (
    org: DirectoryOrg,
    ms: number,
    actor: Actor,
    event: Omit<PendingAuditEvent, keyof Actor | "orgId" | "ms">,
  ) => {
    if (inWindow(ms)) events.push({ orgId: org.id, ms, ...actor, ...event });
  };

  for (const member of dir.members) {
    const target = { targetType: "user", targetId: member.userId, agentId: null, outcome: "success" } as const;
    push(member.org, member.joinedMs, adminAt(member.org, member.joinedMs, member.userId), {
      ...target,
      action: "user.created",
      category: "user_admin",
      metadata: JSON.stringify({ email: member.user.email, role: member.roleBefore }),
    });
    if (member.roleChangeMs !== null) {
      push(member.org, member.roleChangeMs, adminAt(member.org, member.roleChangeMs, member.userId), {
        ...target,
        action: "user.role_changed",
        category: "user_admin",
        metadata: JSON.stringify({ from: member.roleBefore, to: member.role }),
      });
    }
    if (member.removedMs !== null) {
      push(member.org, member.removedMs, adminAt(member.org, member.removedMs, member.userId), {
        ...target,
        action: "user.removed",
        category: "user_admin",
        metadata: JSON.stringify({ email: member.user.email, role: roleAt(member, member.removedMs) }),
      });
    }
  }

  for (const agent of dir.agents) {
    // Walk back from the current configuration: each change's "after" is the
    // state the next-newer change started from.
    const state: Record<string, unknown> = {
      allowedTools: agent.def.allowedTools,
      allowedRecipientDomains: agent.def.allowedRecipientDomains,
      dailySendLimit: agent.def.dailySendLimit,
      status: agent.def.status,
    };
    const newestFirst = [...agent.def.configHistory].sort((a, b) => a.daysAgo - b.daysAgo);
    for (const change of newestFirst) {
      const ms = at(change.daysAgo);
      push(agent.org, ms, adminAt(agent.org, ms), {
        action: "agent.config_changed",
        category: "agent_config",
        targetType: "agent",
        targetId: agent.id,
        agentId: agent.id,
        outcome: "success",
        metadata: JSON.stringify({
          before: { [change.field]: change.before },
          after: { [change.field]: state[change.field] },
        }),
      });
      state[change.field] = change.before;
    }
  }

  for (const rule of dir.rules) {
    const org = dir.orgs.find((o) => o.id === rule.orgId);
    if (!org) continue;
    const target = { targetType: "dlp_rule", targetId: rule.id, agentId: null, outcome: "success" } as const;
    const { def } = rule;
    push(org, rule.createdMs, adminAt(org, rule.createdMs), {
      ...target,
      action: "dlp.rule_created",
      category: "dlp",
      metadata: JSON.stringify({
        name: def.name,
        detector: def.detector,
        severity: def.update?.severityBefore ?? def.severity,
        action: def.action,
      }),
    });
    if (def.update) {
      const ms = at(def.update.daysAgo);
      const disabledNow = !def.enabled && def.deletedDaysAgo === undefined;
      push(org, ms, adminAt(org, ms), {
        ...target,
        action: "dlp.rule_updated",
        category: "dlp",
        metadata: JSON.stringify({
          before: { severity: def.update.severityBefore, ...(disabledNow ? { enabled: true } : {}) },
          after: { severity: def.severity, ...(disabledNow ? { enabled: false } : {}) },
        }),
      });
    }
    if (def.deletedDaysAgo !== undefined) {
      const ms = at(def.deletedDaysAgo);
      push(org, ms, adminAt(org, ms), {
        ...target,
        action: "dlp.rule_deleted",
        category: "dlp",
        metadata: JSON.stringify({ name: def.name, detector: def.detector }),
      });
    }
  }

  for (const org of dir.orgs) {
    const changeCount = org.key === "acme" ? 9 : 5;
    const current = new Map<string, number>();
    const days = Array.from({ length: changeCount }, () => random.int(1, WINDOW_DAYS)).sort((a, b) => b - a);
    for (const daysAgo of days) {
      const setting = random.pick(systemSettings);
      const index = current.get(setting.setting) ?? 0;
      const next = (index + 1) % setting.values.length;
      current.set(setting.setting, next);
      const ms = at(daysAgo);
      push(org, ms, adminAt(org, ms), {
        action: "system.config_changed",
        category: "system_config",
        targetType: "setting",
        targetId: setting.setting,
        agentId: null,
        outcome: "success",
        metadata: JSON.stringify({
          setting: setting.setting,
          before: setting.values[index],
          after: setting.values[next],
        }),
      });
    }
  }

  for (const secret of dir.secrets) {
    const org = dir.orgs.find((o) => o.id === secret.orgId);
    if (!org) continue;
    const automatic = secret.def.kind === "smtp_credential" || secret.def.kind === "oauth_token";
    for (const ms of secret.rotationsMs) {
      push(org, ms, automatic ? SCHEDULER : adminAt(org, ms), {
        action: "secret.rotated",
        category: "secrets",
        targetType: "secret",
        targetId: secret.id,
        agentId: secret.agentId,
        outcome: "success",
        metadata: JSON.stringify({ name: secret.def.name, kind: secret.def.kind }),
      });
    }
  }

  return events.sort((a, b) => a.ms - b.ms);
}
