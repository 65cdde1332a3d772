import { beforeAll, describe, expect, it } from "vitest";
import { reportDefinitions } from "@/lib/compliance/reports";
import { db } from "@/lib/db";
import { CollectingReportOutput } from "@/tests/support/collecting-report-output";
import {
  buildContext,
  period,
  periodEnd,
  periodStart,
  rawCard,
  seedReportContent,
  type SeededContent,
} from "@/tests/support/seed-report-content";

const definition = reportDefinitions.soc2;

async function runSoc2(seed: SeededContent, agentIds: string[]): Promise<CollectingReportOutput> {
  const output = new CollectingReportOutput(definition.csvColumns);
  await definition.build(buildContext(seed.acme.orgId, "soc2", { dateRange: period, agentIds }), output);
  return output;
}

const ids = (rows: Array<Record<string, unknown>>, key = "id") => rows.map((row) => row[key]);

describe("SOC2 Summary content", () => {
  let seed: SeededContent;
  let all: CollectingReportOutput;
  let a1Only: CollectingReportOutput;

  beforeAll(async () => {
    seed = await seedReportContent();
    all = await runSoc2(seed, []);
    a1Only = await runSoc2(seed, [seed.a1]);
  });

  it("writes the manifest first, the seven control sections and the audit trail's integrity, each naming its criteria", () => {
    expect([...all.sections.keys()]).toEqual([
      "user_access",
      "agent_boundaries",
      "agent_enforcement",
      "dlp",
      "vault",
      "database_queries",
      "administrative_actions",
      "audit_trail_integrity",
    ]);
    const criteria = new Set([...all.sections.values()].flatMap((section) => section.criteria));
    for (const criterion of ["CC6.1", "CC6.2", "CC6.3", "CC6.6", "CC6.7", "CC7.2", "CC8.1"])
      expect(criteria).toContain(criterion);
    for (const section of all.sections.values()) expect(section.criteria.length).toBeGreaterThan(0);
  });

  it("every population table has exactly the manifest's row count, first and last", () => {
    for (const output of [all, a1Only]) {
      for (const entry of output.manifest!) {
        const [, location] = entry.source.split(": ");
        const [section, table] = location!.split(".");
        const rows = output.table(section!, table!);
        expect(rows.length, entry.source).toBe(entry.rowCount);
        if (rows.length > 0 && "occurred_at" in rows[0]!) {
          expect(entry.first?.id).toBe(rows[0]!.id);
          expect(entry.last?.id).toBe(rows.at(-1)!.id);
        }
      }
    }
  });

  it("counts populations like the database does for the same filter", async () => {
    const { acme, a1 } = seed;
    const occurredAt = { gte: periodStart, lt: periodEnd };
    const a1OrOrg = { OR: [{ agentId: a1 }, { agentId: null }] };
    expect(a1Only.manifestFor("user_access", "events").rowCount).toBe(
      await db.auditEvent.count({
        where: { orgId: acme.orgId, occurredAt, category: { in: ["authentication", "user_admin"] }, ...a1OrOrg },
      }),
    );
    expect(a1Only.manifestFor("dlp", "violations").rowCount).toBe(
      await db.dlpViolation.count({ where: { orgId: acme.orgId, detectedAt: occurredAt, agentId: a1 } }),
    );
    expect(a1Only.manifestFor("vault", "accesses").rowCount).toBe(
      await db.vaultAccess.count({ where: { orgId: acme.orgId, occurredAt, ...a1OrOrg } }),
    );
    expect(all.manifestFor("agent_enforcement", "events").rowCount).toBe(
      await db.auditEvent.count({ where: { orgId: acme.orgId, occurredAt, category: "agent_enforcement" } }),
    );
  });

  it("counts events per UTC day in the database, adding up to each population", () => {
    for (const output of [all, a1Only]) {
      for (const section of ["user_access", "agent_enforcement", "administrative_actions"]) {
        const days = output.table(section, "counts_by_day");
        const total = days.reduce((sum, row) => sum + Number(row.count), 0);
        expect(total, section).toBe(output.manifestFor(section, "events").rowCount);
        expect(days.map((row) => row.day)).toEqual([...days.map((row) => row.day)].sort());
      }
    }
    const signIns = Object.fromEntries(all.table("user_access", "counts_by_day").map((row) => [row.day, row.count]));
    expect(signIns).toMatchObject({ "2026-03-02": 1, "2026-03-03": 2, "2026-03-31": 1 });
    expect(signIns["2026-04-01"]).toBeUndefined();
    expect(signIns["2026-02-28"]).toBeUndefined();
    expect(all.table("agent_enforcement", "counts_by_day")[0]).toEqual({ day: "2026-03-01", count: 1 });
  });

  it("counts administrative actions by category and by actor, each adding up to the events listed", () => {
    const tally = (rows: Array<Record<string, unknown>>, keyOf: (row: Record<string, unknown>) => string) => {
      const counts: Record<string, number> = {};
      for (const row of rows) counts[keyOf(row)] = (counts[keyOf(row)] ?? 0) + Number(row.count ?? 1);
      return counts;
    };
    const actorKey = (row: Record<string, unknown>) => `${row.actor_type}|${row.actor}|${row.actor_id}`;
    for (const output of [all, a1Only]) {
      const events = output.table("administrative_actions", "events");
      const byCategory = output.table("administrative_actions", "counts_by_category");
      const byActor = output.table("administrative_actions", "counts_by_actor");
      expect(events.length).toBeGreaterThan(0);
      expect(tally(byCategory, (row) => String(row.category))).toEqual(tally(events, (row) => String(row.category)));
      expect(byCategory.map((row) => row.category)).toEqual(byCategory.map((row) => row.category).sort());
      expect(tally(byActor, actorKey)).toEqual(tally(events, actorKey));
      expect(byActor.length).toBe(new Set(byActor.map(actorKey)).size);
    }
  });

  it("applies the period as whole UTC days: the last millisecond is in, the next day and the day before are out", () => {
    const events = ids(all.table("user_access", "events"));
    expect(events).toContain(seed.id("ev-login"));
    expect(events).toContain(seed.id("ev-login-last"));
    expect(events).not.toContain(seed.id("ev-login-after"));
    expect(events).not.toContain(seed.id("ev-login-before"));
    expect(ids(all.table("dlp", "violations"))).not.toContain(seed.id("v-a1-late"));
  });

  it("puts known records in the right sections", () => {
    const userAccess = all.sections.get("user_access")!;
    expect(userAccess.summary).toMatchObject({
      signIns: 2,
      failedSignIns: 2,
      usersCreated: 1,
      usersRemoved: 1,
      roleChanges: 1,
    });
    const failures = all.table("user_access", "sign_ins_by_user").find((row) => row.action === "auth.login_failed");
    expect(failures).toMatchObject({ actor: seed.acme.admin.email, count: 2 });
    expect(ids(all.table("user_access", "members"), "user_email")).toEqual(
      expect.arrayContaining(seed.acme.users.map((user) => user.email)),
    );
    const role = all.table("user_access", "events").find((row) => row.id === seed.id("ev-role"));
    expect(role).toMatchObject({ before: "member", after: "auditor" });

    const config = all.table("agent_boundaries", "events").find((row) => row.id === seed.id("ev-a1-config"));
    expect(config).toMatchObject({
      agent_id: seed.a1,
      agent_name: "Agent a1",
      before: { dailySendLimit: 100 },
      after: { dailySendLimit: 200 },
    });
    expect(all.table("agent_boundaries", "agents").find((row) => row.agent_id === seed.a1)).toMatchObject({
      allowed_tools: ["email.send", "crm.lookup"],
      daily_send_limit: 200,
    });

    expect(all.table("agent_enforcement", "denials_by_agent_and_reason")).toEqual(
      expect.arrayContaining([
        { agent_id: seed.a1, agent_name: "Agent a1", reason: "tool_not_allowed", count: 3 },
        { agent_id: seed.a1, agent_name: "Agent a1", reason: "recipient_domain_not_allowed", count: 1 },
        { agent_id: seed.a2, agent_name: "Agent a2", reason: "daily_send_limit", count: 1 },
      ]),
    );
    // The raw aggregate uses the same whole-day bounds as the population.
    const denials = all.table("agent_enforcement", "denials_by_agent_and_reason");
    expect(denials.map((row) => row.reason)).not.toContain("outside_period");
    expect(denials.reduce((sum, row) => sum + Number(row.count), 0)).toBe(
      all.manifestFor("agent_enforcement", "events").rowCount,
    );

    expect(
      all
        .table("dlp", "rules")
        .map((row) => row.rule_id)
        .sort(),
    ).toEqual([seed.id("r1"), seed.id("r2")].sort());
    expect(all.table("dlp", "violations_by_severity")).toEqual(
      expect.arrayContaining([
        { severity: "high", count: 1 },
        { severity: "low", count: 1 },
      ]),
    );
    expect(all.table("dlp", "violations_by_rule")).toContainEqual({
      rule_id: seed.id("r1"),
      rule_name: "Block cards",
      count: 1,
    });

    expect(ids(all.table("vault", "not_rotated_90_days"), "secret_id").sort()).toEqual(
      [seed.id("s1"), seed.id("s3")].sort(),
    );
    expect(all.table("vault", "access_by_secret")).toContainEqual(
      expect.objectContaining({ secret_id: seed.id("s2"), action: "rotate", count: 1 }),
    );

    const admin = ids(all.table("administrative_actions", "events"));
    for (const key of ["ev-user-created", "ev-a1-config", "ev-dlp-created", "ev-system", "ev-api-key", "ev-report"]) {
      expect(admin).toContain(seed.id(key));
    }
    expect(admin).not.toContain(seed.id("ev-login"));
  });

  it("masks card numbers in DLP excerpts", () => {
    const violation = all.table("dlp", "violations").find((row) => row.id === seed.id("v-a1"));
    expect(violation?.excerpt).toBe("card •••• •••• •••• 1111");
    expect(all.toJson()).not.toContain(rawCard);
  });

  it("an agent filter keeps the selected agent and org-level rows, and drops the other agent everywhere", () => {
    const rows = a1Only.allRows();
    expect(rows.length).toBeGreaterThan(0);
    for (const { section, table, row } of rows) {
      expect(row.agent_id ?? null, `${section}.${table}`).not.toBe(seed.a2);
    }
    expect(a1Only.toJson()).not.toContain(seed.a2);
    expect(ids(a1Only.table("agent_boundaries", "agents"), "agent_id")).toEqual([seed.a1]);
    expect(ids(a1Only.table("vault", "not_rotated_90_days"), "secret_id")).toEqual([seed.id("s1")]);
    // Org-level records (no agent) stay: sign-ins and the org-wide secret's rotation.
    expect(ids(a1Only.table("user_access", "events"))).toContain(seed.id("ev-login"));
    expect(ids(a1Only.table("vault", "accesses"))).toContain(seed.id("va-rotate"));
    // Without a filter the other agent is there, so the checks above can fail.
    expect(all.toJson()).toContain(seed.a2);
  });

  it("never shows another organization's records", () => {
    for (const output of [all, a1Only]) {
      const json = output.toJson();
      expect(json).not.toContain(seed.other.orgId);
      expect(json).not.toContain(seed.b1);
      for (const key of ["ev-other-login", "ev-other-config", "ev-other-denied", "v-b1", "sb", "va-b1-read", "rb"]) {
        expect(json).not.toContain(seed.id(key));
      }
      expect(json).not.toContain(seed.other.admin.email);
    }
  });

  it("reports progress and refuses a scope without a date range", async () => {
    expect(all.progress.length).toBeGreaterThan(0);
    const output = new CollectingReportOutput(definition.csvColumns);
    await expect(definition.build(buildContext(seed.acme.orgId, "soc2", { agentIds: [] }), output)).rejects.toThrow(
      /date range/,
    );
  });
});
