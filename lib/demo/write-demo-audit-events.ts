// Writes the audit trail day by day, oldest first: the story events plus the
// scaled streams (sign-ins and failures, secret reads, denied agent actions).
// Every secret.* event is mirrored as a VaultAccess row, as the vault would log it.
// Events are written in time order so ids and the time indexes grow together.
import { createHash } from "node:crypto";
import type { AuditEventSource } from "@/lib/audit-chain/chained-audit-event";
import { emptyChainHead, linkAuditEvent, type ChainHead } from "@/lib/audit-chain/link-audit-event";
import { toUnlinkedAuditEvent } from "@/lib/audit-chain/to-unlinked-audit-event";
import { toSourceColumns } from "@/lib/audit/audit-event-source-columns";
import { reservedNamespaceOf } from "@/lib/audit/reserved-action-namespaces";
import type { Random } from "@/lib/demo/create-random";
import {
  DAY_MS,
  WINDOW_DAYS,
  isMemberAt,
  roleAt,
  type DemoDirectory,
  type DirectoryAgent,
  type DirectoryMember,
} from "@/lib/demo/build-demo-directory";
import { buildDemoStoryEvents, type PendingAuditEvent } from "@/lib/demo/build-demo-story-events";
import { apportionCount } from "@/lib/demo/apportion-count";
import { createIdSequence } from "@/lib/demo/create-id-sequence";
import { createRowBuffer } from "@/lib/demo/create-row-buffer";
import {
  HIGH_VOLUME_AGENT_KEY,
  asciiFirstNames,
  asciiLastNames,
  disallowedDomains,
  toolsAgentsTry,
} from "@/lib/demo/demo-catalog";
import { demoTableColumns, type AuditEventRow, type VaultAccessRow } from "@/lib/demo/demo-tables";
import type { DemoVolumes } from "@/lib/demo/get-demo-volumes";
import { generateIpv4Address } from "@/lib/demo/generate-ipv4-address";
import type { RowSink } from "@/lib/demo/open-bulk-writer";
import { pickTimeInDay } from "@/lib/demo/pick-time-in-day";

const USER_SHARE_OF_OTHER_EVENTS = 0.6;
const SECRET_READ_SHARE_OF_AGENT_EVENTS = 0.45;

const vaultActions: Record<string, string> = { "secret.read": "read", "secret.rotated": "rotate" };

export async function writeDemoAuditEvents(
  writer: RowSink,
  random: Random,
  dir: DemoDirectory,
  volumes: DemoVolumes,
): Promise<{ auditEvents: number; vaultAccesses: number }> {
  const story = buildDemoStoryEvents(random.fork("story"), dir);
  const highVolume = dir.agents.find((a) => a.def.key === HIGH_VOLUME_AGENT_KEY);
  if (!highVolume) throw new Error("the high-volume demo agent is missing from the catalog");
  const otherAgents = dir.agents.filter((a) => a !== highVolume);

  const highVolumeStory = story.filter((e) => e.agentId === highVolume.id).length;
  const userEventTotal = Math.round(volumes.otherAuditEvents * USER_SHARE_OF_OTHER_EVENTS);
  const otherAgentTotal = volumes.otherAuditEvents - userEventTotal;

  const dayStarts = Array.from({ length: WINDOW_DAYS }, (_, i) => dir.anchorMs - (WINDOW_DAYS - i) * DAY_MS);
  const isWeekend = (ms: number) => [0, 6].includes(new Date(ms).getUTCDay());
  const highVolumePerDay = apportionCount(
    Math.max(0, volumes.highVolumeAgentAuditEvents - highVolumeStory),
    dayStarts.map((d) => (isWeekend(d) ? 0.7 : 1)),
  );
  const otherAgentPerDay = apportionCount(
    otherAgentTotal,
    dayStarts.map((d) => (isWeekend(d) ? 0.7 : 1)),
  );
  const userPerDay = apportionCount(
    userEventTotal,
    dayStarts.map((d) => (isWeekend(d) ? 0.3 : 1)),
  );

  const agentRandom = random.fork("agents");
  const userRandom = random.fork("users");

  // What each agent can touch, computed once: the hot loop only picks.
  const profiles = new Map(
    dir.agents.map((agent) => {
      const own = dir.secrets.filter((s) => s.agentId === agent.id);
      const foreign = dir.secrets.filter((s) => s.orgId === agent.org.id && s.agentId !== agent.id);
      return [
        agent.id,
        {
          ownSecret: own.length > 0 ? agentRandom.weighted(own.map((s) => [s, s.def.readWeight] as const)) : null,
          foreign,
          forbiddenTools: toolsAgentsTry.filter((t) => !agent.def.allowedTools.includes(t)),
        },
      ] as const;
    }),
  );
  const denialReason = agentRandom.weighted([
    ["tool_not_allowed", 5],
    ["recipient_domain_not_allowed", 4],
    ["daily_send_limit_exceeded", 1],
  ] as const);
  const secretPickerByOrg = new Map(
    dir.orgs.map((org) => [
      org.id,
      userRandom.weighted(dir.secrets.filter((s) => s.orgId === org.id).map((s) => [s, s.def.readWeight] as const)),
    ]),
  );

  const agentEvent = (agent: DirectoryAgent, ms: number): PendingAuditEvent => {
    const r = agentRandom;
    const profile = profiles.get(agent.id);
    if (!profile) throw new Error(`no profile for agent ${agent.id}`);
    const event: PendingAuditEvent = {
      orgId: agent.org.id,
      ms,
      actorType: "agent",
      actorId: agent.id,
      actorLabel: agent.def.name,
      action: "agent.action_denied",
      category: "agent_enforcement",
      targetType: null,
      targetId: null,
      agentId: agent.id,
      outcome: "denied",
      ip: null,
      metadata: null,
    };
    if (profile.ownSecret && r.chance(SECRET_READ_SHARE_OF_AGENT_EVENTS)) {
      event.action = "secret.read";
      event.category = "secrets";
      event.targetType = "secret";
      if (profile.foreign.length > 0 && r.chance(0.02)) {
        // An agent reaching for a secret that is not its own: refused.
        event.targetId = r.pick(profile.foreign).id;
        event.metadata = '{"reason":"secret_not_granted_to_agent"}';
      } else {
        event.targetId = profile.ownSecret().id;
        event.outcome = "success";
      }
      return event;
    }
    const reason = denialReason();
    if (reason === "tool_not_allowed") {
      const tool = r.pick(profile.forbiddenTools);
      event.targetType = "tool";
      event.targetId = tool;
      event.metadata = JSON.stringify({ reason, tool });
    } else if (reason === "recipient_domain_not_allowed") {
      const recipient = `${r.pick(asciiFirstNames)}.${r.pick(asciiLastNames)}@${r.pick(disallowedDomains)}`;
      event.targetType = "recipient";
      event.targetId = recipient;
      event.metadata = JSON.stringify({ reason, recipient });
    } else {
      event.targetType = "tool";
      event.targetId = "email.send";
      event.metadata = JSON.stringify({ reason, tool: "email.send", limit: agent.def.dailySendLimit });
    }
    return event;
  };

  const userEvent = (member: DirectoryMember, ms: number): PendingAuditEvent => {
    const r = userRandom;
    const ip = r.chance(0.9) ? r.pick(member.homeIps) : generateIpv4Address(r);
    const event: PendingAuditEvent = {
      orgId: member.org.id,
      ms,
      actorType: "user",
      actorId: member.userId,
      actorLabel: member.user.email,
      action: "auth.login",
      category: "authentication",
      targetType: "user",
      targetId: member.userId,
      agentId: null,
      outcome: "success",
      ip,
      metadata: '{"method":"password"}',
    };
    const roll = r.next();
    if (roll < 0.15) {
      const isAdmin = roleAt(member, ms) === "admin";
      const secret = secretPickerByOrg.get(member.org.id)?.();
      if (secret && (isAdmin || r.chance(0.3))) {
        event.action = "secret.read";
        event.category = "secrets";
        event.targetType = "secret";
        event.targetId = secret.id;
        if (!isAdmin) {
          event.outcome = "denied";
          event.metadata = '{"reason":"role_not_permitted"}';
        } else {
          event.metadata = null;
        }
      }
      return event;
    }
    if (roll < 0.87) return event;
    event.action = "auth.login_failed";
    event.outcome = "failure";
    if (r.chance(0.15)) {
      // Someone guessing at an address that has no account.
      event.actorId = null;
      event.actorLabel = `${r.pick(asciiFirstNames)}@${member.org.domain}`;
      event.targetId = null;
      event.ip = generateIpv4Address(r);
      event.metadata = '{"reason":"unknown_user"}';
    } else {
      event.metadata = '{"reason":"invalid_password"}';
    }
    return event;
  };

  const nextEventId = createIdSequence("evt");
  const nextAccessId = createIdSequence("vac");
  const linkDemoEvent = createDemoChainLinker();
  const events = createRowBuffer<AuditEventRow>(writer, "AuditEvent", demoTableColumns.AuditEvent, 20_000);
  const accesses = createRowBuffer<VaultAccessRow>(writer, "VaultAccess", demoTableColumns.VaultAccess, 20_000);

  let storyIndex = 0;
  for (let day = 0; day < WINDOW_DAYS; day++) {
    const dayStart = dayStarts[day] ?? 0;
    const dayEnd = dayStart + DAY_MS;
    const today: PendingAuditEvent[] = [];
    while (storyIndex < story.length && (story[storyIndex]?.ms ?? Infinity) < dayEnd)
      today.push(story[storyIndex++] as PendingAuditEvent);

    for (let i = 0; i < (highVolumePerDay[day] ?? 0); i++) {
      today.push(agentEvent(highVolume, pickTimeInDay(agentRandom, dayStart, true)));
    }
    const activeAgents = otherAgents.filter((a) => a.activeUntilMs > dayStart);
    if (activeAgents.length > 0) {
      const pickAgent = agentRandom.weighted(activeAgents.map((a) => [a, a.def.weight] as const));
      for (let i = 0; i < (otherAgentPerDay[day] ?? 0); i++) {
        today.push(agentEvent(pickAgent(), pickTimeInDay(agentRandom, dayStart)));
      }
    }
    // Members of the day (at noon); a moment outside someone's membership is moved inside it.
    const present = dir.members.filter((m) => isMemberAt(m, dayStart + DAY_MS / 2));
    for (let i = 0; i < (userPerDay[day] ?? 0) && present.length > 0; i++) {
      const member = userRandom.pick(present);
      let ms = pickTimeInDay(userRandom, dayStart);
      if (ms < member.joinedMs) ms = member.joinedMs + 60_000;
      if (member.removedMs !== null && ms >= member.removedMs) ms = member.removedMs - 60_000;
      today.push(userEvent(member, ms));
    }

    today.sort((a, b) => a.ms - b.ms);
    for (const event of today) {
      const occurredAt = writer.formatTimestamp(event.ms);
      // Completed in place (the extra `ms` is not a column): no copy per row.
      const id = nextEventId();
      const written = events.push(Object.assign(event, { id, occurredAt }, linkDemoEvent(id, event)));
      if (written) await written;
      const vaultAction = vaultActions[event.action];
      if (vaultAction && event.targetId) {
        const mirrored = accesses.push({
          id: nextAccessId(),
          orgId: event.orgId,
          secretId: event.targetId,
          action: vaultAction,
          actorType: event.actorType,
          actorId: event.actorId,
          actorLabel: event.actorLabel,
          agentId: event.agentId,
          outcome: event.outcome,
          occurredAt,
        });
        if (mirrored) await mirrored;
      }
    }
  }
  // Events after the window's last day cannot exist (the story keeps to the window).
  return { auditEvents: await events.flush(), vaultAccesses: await accesses.flush() };
}

type ChainColumns = Pick<
  AuditEventRow,
  "seq" | "prevHash" | "hash" | "salt" | "source" | "sourceApiKeyId" | "sourceUserId" | "redactions"
>;

/**
 * Links demo events into each org's chain as they are written (in time order,
 * so sequence and time agree). Sign-ins and other actions in Attest's own
 * namespaces are Attest's; the rest came in through ingest, as the platform
 * would push them. Salts are derived from the event's place rather than drawn
 * at random, so a seed stays reproducible; the demo's people are fictitious.
 */
function createDemoChainLinker(): (id: string, event: PendingAuditEvent) => ChainColumns {
  const heads = new Map<string, ChainHead>();
  return (id, event) => {
    const head = heads.get(event.orgId) ?? emptyChainHead;
    const source: AuditEventSource =
      reservedNamespaceOf(event.action) !== null
        ? { kind: "attest" }
        : { kind: "ingest", apiKeyId: null, userId: null };
    const salt = createHash("sha256")
      .update(`attest-demo-salt\n${event.orgId}\n${head.seq + 1}`)
      .digest("hex")
      .slice(0, 32);
    const metadata = event.metadata === null ? null : (JSON.parse(event.metadata) as Record<string, unknown>);
    const linked = linkAuditEvent(
      head,
      toUnlinkedAuditEvent(id, { ...event, occurredAt: new Date(event.ms), metadata }, source),
      salt,
    );
    heads.set(event.orgId, { seq: linked.seq, hash: linked.hash });
    return {
      seq: linked.seq,
      prevHash: linked.prevHash,
      hash: linked.hash,
      salt,
      ...toSourceColumns(source),
      redactions: null,
    };
  };
}
