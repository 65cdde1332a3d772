import { beforeAll, describe, expect, it } from "vitest";
import { reportDefinitions } from "@/lib/compliance/reports";
import { db } from "@/lib/db";
import { CollectingReportOutput } from "@/tests/support/collecting-report-output";
import {
  buildContext,
  period,
  periodEnd,
  periodStart,
  seedReportContent,
  type SeededContent,
} from "@/tests/support/seed-report-content";

const definition = reportDefinitions.audit;
const topicSections = [
  "user_administration",
  "agent_configuration",
  "secret_access",
  "dlp_rule_changes",
  "system_configuration",
  "compliance_exports",
];

async function runAudit(seed: SeededContent, agentIds: string[]): Promise<CollectingReportOutput> {
  const output = new CollectingReportOutput(definition.csvColumns);
  await definition.build(buildContext(seed.acme.orgId, "audit", { dateRange: period, agentIds }), output);
  return output;
}

describe("Audit Summary content", () => {
  let seed: SeededContent;
  let all: CollectingReportOutput;
  let a1Only: CollectingReportOutput;

  beforeAll(async () => {
    seed = await seedReportContent();
    all = await runAudit(seed, []);
    a1Only = await runAudit(seed, [seed.a1]);
  });

  it("lists the full chronological population, counted like the database", async () => {
    const events = all.table("events", "events");
    expect(events.length).toBe(all.manifestFor("events", "events").rowCount);
    expect(events.length).toBe(
      await db.auditEvent.count({
        where: {
          orgId: seed.acme.orgId,
          occurredAt: { gte: periodStart, lt: periodEnd },
          OR: [
            { category: { in: ["user_admin", "agent_config", "secrets", "dlp", "system_config", "compliance"] } },
            { action: { startsWith: "api_key." } },
          ],
        },
      }),
    );
    const times = events.map((row) => String(row.occurred_at));
    expect(times).toEqual([...times].sort());
    expect(events.map((row) => row.id)).not.toContain(seed.id("ev-login"));
  });

  it("counts by category and by actor in the overview, and the topics add up to the population", () => {
    const byCategory = Object.fromEntries(
      all.table("overview", "counts_by_category").map((row) => [row.category, row.count]),
    );
    expect(byCategory).toEqual({
      agent_config: 2,
      authentication: 1, // the API key creation, filed under authentication
      compliance: 1,
      dlp: 1,
      secrets: 3,
      system_config: 1,
      user_admin: 3,
    });
    expect(all.table("overview", "counts_by_actor")).toContainEqual({
      actor_type: "user",
      actor_id: seed.acme.admin.id,
      actor: seed.acme.admin.email,
      count: 10,
    });
    const days = all.table("overview", "counts_by_day");
    expect(days.reduce((sum, row) => sum + Number(row.count), 0)).toBe(all.table("events", "events").length);
    expect(days).toContainEqual({ day: "2026-03-07", count: 2 });
    const topicTotal = topicSections.reduce((sum, key) => sum + Number(all.sections.get(key)!.summary.events), 0);
    expect(topicTotal).toBe(all.table("events", "events").length);
  });

  it("puts each change in its area with before/after values", () => {
    const events = Object.fromEntries(all.table("events", "events").map((row) => [row.id, row]));
    expect(events[seed.id("ev-a1-config")]).toMatchObject({
      before: { dailySendLimit: 100 },
      after: { dailySendLimit: 200 },
    });
    expect(events[seed.id("ev-role")]).toMatchObject({ before: "member", after: "auditor" });
    expect(events[seed.id("ev-system")]).toMatchObject({
      before: "8h",
      after: "1h",
      details: { setting: "session_timeout" },
    });
    expect(all.sections.get("user_administration")!.summary.byAction).toEqual({
      "user.created": 1,
      "user.removed": 1,
      "user.role_changed": 1,
    });
    expect(all.sections.get("system_configuration")!.summary.byAction).toEqual({
      "api_key.created": 1,
      "system.config_changed": 1,
    });
    expect(all.table("secret_access", "counts_by_secret")).toContainEqual(
      expect.objectContaining({
        target_id: seed.id("s1"),
        secret_name: `a1-smtp-${seed.suffix}`,
        action: "secret.read",
        count: 1,
      }),
    );
  });

  it("an agent filter drops the other agent's events from every section and keeps org-level ones", async () => {
    for (const { section, table, row } of a1Only.allRows()) {
      expect(row.agent_id ?? null, `${section}.${table}`).not.toBe(seed.a2);
    }
    expect(a1Only.toJson()).not.toContain(seed.a2);
    const events = a1Only.table("events", "events").map((row) => row.id);
    expect(events).toContain(seed.id("ev-a1-config"));
    expect(events).toContain(seed.id("ev-user-created"));
    expect(events).not.toContain(seed.id("ev-a2-config"));
    expect(events.length).toBe(
      await db.auditEvent.count({
        where: {
          orgId: seed.acme.orgId,
          occurredAt: { gte: periodStart, lt: periodEnd },
          AND: [
            { OR: [{ agentId: seed.a1 }, { agentId: null }] },
            {
              OR: [
                { category: { in: ["user_admin", "agent_config", "secrets", "dlp", "system_config", "compliance"] } },
                { action: { startsWith: "api_key." } },
              ],
            },
          ],
        },
      }),
    );
    expect(all.toJson()).toContain(seed.a2);
  });

  it("never shows another organization's events", () => {
    for (const output of [all, a1Only]) {
      const json = output.toJson();
      expect(json).not.toContain(seed.other.orgId);
      expect(json).not.toContain(seed.id("ev-other-config"));
      expect(json).not.toContain(seed.b1);
    }
  });
});
