// Writes the agents' mail day by day, oldest first, and the DLP violations the
// org's rules raised on it (each pointing at the email, with a masked excerpt).
import type { Random } from "@/lib/demo/create-random";
import {
  DAY_MS,
  WINDOW_DAYS,
  isMemberAt,
  type DemoDirectory,
  type DirectoryAgent,
  type DirectoryMember,
  type DirectoryRule,
} from "@/lib/demo/build-demo-directory";
import { apportionCount } from "@/lib/demo/apportion-count";
import { composeDemoEmail } from "@/lib/demo/compose-demo-email";
import { createIdSequence } from "@/lib/demo/create-id-sequence";
import { createRowBuffer } from "@/lib/demo/create-row-buffer";
import {
  HIGH_VOLUME_AGENT_KEY,
  asciiFirstNames,
  asciiLastNames,
  customerDomains,
  firstNames,
  lastNames,
  personalDomains,
  type PiiKind,
} from "@/lib/demo/demo-catalog";
import { demoTableColumns, type DlpViolationRow, type EmailRow } from "@/lib/demo/demo-tables";
import type { DemoVolumes } from "@/lib/demo/get-demo-volumes";
import { maskPiiValue } from "@/lib/demo/mask-pii-value";
import type { RowSink } from "@/lib/demo/open-bulk-writer";
import { pickTimeInDay } from "@/lib/demo/pick-time-in-day";

const actionTaken: Record<string, string> = {
  block: "blocked",
  redact: "redacted",
  quarantine: "quarantined",
  alert: "alerted",
};
const piiLabels: Record<PiiKind | "keyword", string> = {
  email_address: "Email address",
  phone: "Phone number",
  payment_card: "Payment card",
  iban: "IBAN",
  us_ssn: "US SSN",
  ip_address: "IP address",
  keyword: "Keyword",
};

/** Was the rule switched on at that moment? (A disabled rule with an update was on until the update.) */
function ruleActiveAt(rule: DirectoryRule, ms: number, anchorMs: number): boolean {
  if (rule.def.deletedDaysAgo !== undefined || ms < rule.createdMs) return false;
  if (rule.def.enabled) return true;
  return rule.def.update !== undefined && ms < anchorMs - rule.def.update.daysAgo * DAY_MS;
}

export async function writeDemoEmails(
  writer: RowSink,
  random: Random,
  dir: DemoDirectory,
  volumes: DemoVolumes,
): Promise<{ emails: number; violations: number }> {
  const highVolume = dir.agents.find((a) => a.def.key === HIGH_VOLUME_AGENT_KEY);
  if (!highVolume) throw new Error("the high-volume demo agent is missing from the catalog");
  const otherAgents = dir.agents.filter((a) => a !== highVolume);

  const dayStarts = Array.from({ length: WINDOW_DAYS }, (_, i) => dir.anchorMs - (WINDOW_DAYS - i) * DAY_MS);
  const weights = dayStarts.map((d) => ([0, 6].includes(new Date(d).getUTCDay()) ? 0.6 : 1));
  const highVolumePerDay = apportionCount(volumes.highVolumeAgentEmails, weights);
  const othersPerDay = apportionCount(volumes.otherAgentEmails, weights);

  const nextEmailId = createIdSequence("eml");
  const nextViolationId = createIdSequence("dlv");
  const emails = createRowBuffer<EmailRow>(writer, "Email", demoTableColumns.Email, 5_000);
  const violations = createRowBuffer<DlpViolationRow>(writer, "DlpViolation", demoTableColumns.DlpViolation, 5_000);

  const person = (domain: string) => {
    const first = random.int(0, firstNames.length - 1);
    const last = random.int(0, lastNames.length - 1);
    return {
      name: `${firstNames[first]} ${lastNames[last]}`,
      address: `${asciiFirstNames[first]}.${asciiLastNames[last]}@${domain}`,
    };
  };

  const anyoneDomains = [...customerDomains, ...personalDomains];
  const externalDomainsOf = new Map(
    dir.agents.map((a) => [a.id, a.def.allowedRecipientDomains.filter((d) => d !== a.org.domain)]),
  );

  const writeEmail = async (agent: DirectoryAgent, ms: number, colleagues: readonly DirectoryMember[]) => {
    const org = agent.org;
    const direction = ms >= agent.sendsUntilMs || random.chance(agent.def.inboundShare) ? "inbound" : "outbound";
    const externalAllowed = externalDomainsOf.get(agent.id) ?? [];

    // Internal-only agents talk to staff; the others to their allowed outside
    // domains, and anyone may write in.
    let counterpart: { name: string; address: string };
    if (externalAllowed.length === 0) {
      const colleague = colleagues.length > 0 && random.chance(0.5) ? random.pick(colleagues) : null;
      counterpart = colleague ? { name: colleague.user.name, address: colleague.user.email } : person(org.domain);
    } else if (direction === "inbound" && random.chance(0.15)) {
      counterpart = person(random.pick(anyoneDomains));
    } else {
      counterpart = person(random.pick(externalAllowed));
    }

    const cc: string[] = [];
    if (colleagues.length > 0 && random.chance(0.2)) cc.push(random.pick(colleagues).user.email);
    if (externalAllowed.length > 0 && random.chance(0.12)) cc.push(person(random.pick(externalAllowed)).address);

    const id = nextEmailId();
    const sentAt = new Date(ms);
    const composed = composeDemoEmail(random, {
      kind: agent.def.kind,
      direction,
      counterpartName: counterpart.name,
      agentName: agent.def.name,
      orgName: org.name,
      piiRate: volumes.piiRate,
      sentAt,
    });
    const from = direction === "outbound" ? agent.address : counterpart.address;
    const written = emails.push({
      id,
      orgId: org.id,
      agentId: agent.id,
      direction,
      messageId: `<${id}.${ms.toString(36)}@${from.split("@")[1] ?? org.domain}>`,
      fromAddress: from,
      toAddresses: JSON.stringify([direction === "outbound" ? counterpart.address : agent.address]),
      ccAddresses: JSON.stringify(cc),
      subject: composed.subject,
      body: composed.body,
      sentAt: writer.formatTimestamp(ms),
    });
    if (written) await written;

    const findings: { kind: PiiKind | "keyword"; value: string }[] = [...composed.pii];
    if (composed.hasConfidentialMarker) findings.push({ kind: "keyword", value: "CONFIDENTIAL" });
    for (const finding of findings) {
      for (const rule of dir.rules) {
        if (rule.orgId !== org.id || rule.def.detector !== finding.kind || !ruleActiveAt(rule, ms, dir.anchorMs))
          continue;
        if (finding.kind === "keyword" && rule.def.pattern !== finding.value) continue;
        const flushed = violations.push({
          id: nextViolationId(),
          orgId: org.id,
          ruleId: rule.id,
          agentId: agent.id,
          emailId: id,
          severity: rule.def.severity,
          actionTaken: actionTaken[rule.def.action] ?? "alerted",
          excerpt: `${piiLabels[finding.kind]}: ${maskPiiValue(finding.kind, finding.value)}`,
          detectedAt: writer.formatTimestamp(Math.min(ms + random.int(200, 4_000), dir.anchorMs - 1)),
        });
        if (flushed) await flushed;
      }
    }
  };

  for (let day = 0; day < WINDOW_DAYS; day++) {
    const dayStart = dayStarts[day] ?? 0;
    const planned: { agent: DirectoryAgent; ms: number }[] = [];
    for (let i = 0; i < (highVolumePerDay[day] ?? 0); i++)
      planned.push({ agent: highVolume, ms: pickTimeInDay(random, dayStart) });
    const active = otherAgents.filter((a) => a.activeUntilMs > dayStart).map((a) => [a, a.def.weight] as const);
    const pickAgent = active.length > 0 ? random.weighted(active) : null;
    for (let i = 0; i < (othersPerDay[day] ?? 0) && pickAgent; i++)
      planned.push({ agent: pickAgent(), ms: pickTimeInDay(random, dayStart) });
    planned.sort((a, b) => a.ms - b.ms);
    // Colleagues of the day (at noon) per org, for internal correspondents and cc.
    const colleaguesByOrg = new Map(
      dir.orgs.map((o) => [o.id, dir.members.filter((m) => m.org.id === o.id && isMemberAt(m, dayStart + DAY_MS / 2))]),
    );
    for (const { agent, ms } of planned) await writeEmail(agent, ms, colleaguesByOrg.get(agent.org.id) ?? []);
  }
  return { emails: await emails.flush(), violations: await violations.flush() };
}
