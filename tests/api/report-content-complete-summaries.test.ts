// The sections issue 18 adds to the summaries, against known records: the
// vault's own access records and sign-ins in the Audit Summary, query logs in
// the SOC2 and Audit Summaries, DLP violations in the GDPR Export. Agent
// filters and the other org apply as everywhere.
import { beforeAll, describe, expect, it } from "vitest";
import { reportDefinitions } from "@/lib/compliance/reports";
import type { ReportType } from "@/lib/compliance/reports/registry";
import { db } from "@/lib/db";
import { ingestRecords } from "@/lib/ingest/ingest-records";
import { CollectingReportOutput } from "@/tests/support/collecting-report-output";
import { buildContext, period, seedReportContent, type SeededContent } from "@/tests/support/seed-report-content";

const inPeriod = (day: number, hour = 12) => new Date(Date.UTC(2026, 2, day, hour));

async function run(type: ReportType, orgId: string, scope: { dateRange?: typeof period; agentIds: string[] }) {
  const definition = reportDefinitions[type];
  const output = new CollectingReportOutput(definition.csvColumns);
  await definition.build(buildContext(orgId, type, scope), output);
  return output;
}

const ids = (rows: Array<Record<string, unknown>>) => rows.map((row) => String(row.id));

describe("complete summaries", () => {
  let seed: SeededContent;
  let q: (key: string) => string;

  beforeAll(async () => {
    seed = await seedReportContent();
    const acme = seed.acme.orgId;
    q = (key: string) => `${key}-${seed.acme.orgId}`;
    const query = (
      key: string,
      orgId: string,
      at: Date,
      fields: { agentId?: string | null; outcome?: string; rowsReturned?: number; durationMs?: number } = {},
    ) => ({
      id: q(key),
      orgId,
      agentId: fields.agentId ?? null,
      actorType: fields.agentId ? "agent" : "user",
      actorId: fields.agentId ?? seed.acme.admin.id,
      actorLabel: fields.agentId ? `Agent ${fields.agentId}` : seed.acme.admin.email,
      database: fields.agentId ? "crm" : "billing",
      statement: "SELECT * FROM accounts WHERE id = $1",
      rowsReturned: fields.rowsReturned ?? 3,
      durationMs: fields.durationMs ?? 12,
      outcome: fields.outcome ?? "success",
      occurredAt: at,
    });
    await db.queryLog.createMany({
      data: [
        query("q-a1", acme, inPeriod(3), { agentId: seed.a1 }),
        query("q-a1-denied", acme, inPeriod(4), { agentId: seed.a1, outcome: "denied", rowsReturned: 0 }),
        query("q-a1-bulk", acme, inPeriod(5), { agentId: seed.a1, rowsReturned: 25_000 }),
        query("q-a2-slow", acme, inPeriod(6), { agentId: seed.a2, durationMs: 45_000 }),
        query("q-person", acme, inPeriod(7)),
        query("q-person-failed", acme, inPeriod(8), { outcome: "failure", rowsReturned: 0 }),
        query("q-after", acme, new Date("2026-04-01T00:00:00.000Z"), { agentId: seed.a1 }),
        query("q-before", acme, new Date("2026-02-28T23:59:59.999Z")),
        query("q-other", seed.other.orgId, inPeriod(3)),
      ],
    });
    // A DLP violation tied to one of a1's emails.
    await db.dlpViolation.create({
      data: {
        id: q("v-a1-email"),
        orgId: acme,
        ruleId: seed.id("r2"),
        agentId: seed.a1,
        emailId: seed.id("e1-pii-out"),
        severity: "low",
        actionTaken: "alerted",
        excerpt: "write jane@example.org",
        detectedAt: inPeriod(1, 13),
      },
    });
    // A vault access pushed through ingest, denied: it has no mirroring audit event.
    await ingestRecords(
      { identity: { kind: "api_key", apiKeyId: "test-key", orgId: acme, scopes: ["events:write"], label: "test" } },
      "vault-accesses",
      {
        records: [
          {
            id: "ingested-denied-read",
            secretId: seed.id("s2"),
            action: "read",
            actorType: "agent",
            actorId: seed.a2,
            actorLabel: "Agent a2",
            agentId: seed.a2,
            outcome: "denied",
            occurredAt: inPeriod(20),
          },
        ],
      },
    );
  });

  describe("Audit Summary", () => {
    it("reads the vault's access records themselves in the secret section", async () => {
      const all = await run("audit", seed.acme.orgId, { dateRange: period, agentIds: [] });
      const section = all.sections.get("secret_access")!;
      const accesses = all.table("secret_access", "vault_accesses");
      expect(accesses).toHaveLength(4);
      expect(ids(accesses)).toEqual(
        expect.arrayContaining([seed.id("va-a1-read"), seed.id("va-rotate"), seed.id("va-a2-read")]),
      );
      const ingested = accesses.find((row) => row.outcome === "denied");
      expect(ingested).toMatchObject({ secret_id: seed.id("s2"), action: "read", agent_id: seed.a2 });
      expect(section.summary).toMatchObject({ vaultAccesses: 4, vaultReads: 3, vaultRotations: 1, vaultRefused: 1 });
      expect(all.table("secret_access", "vault_access_by_secret")).toContainEqual(
        expect.objectContaining({ secret_id: seed.id("s2"), action: "read", outcome: "denied", count: 1 }),
      );
      expect(all.manifestFor("secret_access", "vault_accesses").rowCount).toBe(4);

      const a1Only = await run("audit", seed.acme.orgId, { dateRange: period, agentIds: [seed.a1] });
      // a1's read and the org-wide rotation; a2's never.
      expect(ids(a1Only.table("secret_access", "vault_accesses")).sort()).toEqual(
        [seed.id("va-a1-read"), seed.id("va-rotate")].sort(),
      );
    });

    it("includes sign-in activity: sign-ins and failures by user, every event in the period", async () => {
      const all = await run("audit", seed.acme.orgId, { dateRange: period, agentIds: [seed.a2] });
      const events = all.table("sign_in_activity", "events");
      expect(ids(events)).toEqual([
        seed.id("ev-login"),
        seed.id("ev-login-fail-1"),
        seed.id("ev-login-fail-2"),
        seed.id("ev-login-last"),
      ]);
      // The API key creation (category authentication) is system configuration, not a sign-in.
      expect(ids(events)).not.toContain(seed.id("ev-api-key"));
      expect(all.sections.get("sign_in_activity")!.summary).toMatchObject({
        events: 4,
        signIns: 2,
        failedSignIns: 2,
        usersSignedIn: 1,
      });
      expect(all.table("sign_in_activity", "counts_by_user")).toContainEqual(
        expect.objectContaining({ actor_id: seed.acme.admin.id, action: "auth.login_failed", count: 2 }),
      );
    });

    it("lists the query logs in a section of their own", async () => {
      const all = await run("audit", seed.acme.orgId, { dateRange: period, agentIds: [] });
      expect(ids(all.table("database_queries", "queries"))).toEqual(
        ["q-a1", "q-a1-denied", "q-a1-bulk", "q-a2-slow", "q-person", "q-person-failed"].map(q),
      );
      expect([...all.sections.keys()].slice(-3)).toEqual(["database_queries", "events", "audit_trail_integrity"]);
    });
  });

  describe("SOC2 Summary: database access (CC7.2)", () => {
    it("counts who queried what, the denied and the anomalous queries, and lists the population", async () => {
      const all = await run("soc2", seed.acme.orgId, { dateRange: period, agentIds: [] });
      const section = all.sections.get("database_queries")!;
      expect(section.criteria).toEqual(["CC7.2"]);
      expect(section.summary).toMatchObject({
        queries: 6,
        succeeded: 4,
        failed: 1,
        denied: 1,
        anomalous: 2,
        bulkReads: 1,
        slowQueries: 1,
      });
      const queries = all.table("database_queries", "queries");
      expect(queries).toHaveLength(all.manifestFor("database_queries", "queries").rowCount);
      expect(queries.find((row) => row.id === q("q-a1-bulk"))).toMatchObject({
        rows_returned: 25_000,
        anomaly: "bulk_read",
        agent_name: "Agent a1",
      });
      expect(queries.find((row) => row.id === q("q-a2-slow"))?.anomaly).toBe("slow");
      expect(queries.find((row) => row.id === q("q-a1"))?.anomaly).toBeNull();
      expect(all.table("database_queries", "denied_by_actor")).toEqual([
        { actor_type: "agent", actor_id: seed.a1, actor: `Agent ${seed.a1}`, database: "crm", count: 1 },
      ]);
      expect(all.table("database_queries", "anomalous_by_actor").map((row) => [row.actor_id, row.count])).toEqual([
        [seed.a1, 1],
        [seed.a2, 1],
      ]);
      expect(all.table("database_queries", "counts_by_database")).toEqual([
        { database: "billing", outcome: "failure", count: 1 },
        { database: "billing", outcome: "success", count: 1 },
        { database: "crm", outcome: "denied", count: 1 },
        { database: "crm", outcome: "success", count: 3 },
      ]);
    });

    it("applies the agent filter: the agent's queries and people's, never another agent's", async () => {
      const a1Only = await run("soc2", seed.acme.orgId, { dateRange: period, agentIds: [seed.a1] });
      expect(ids(a1Only.table("database_queries", "queries"))).toEqual(
        ["q-a1", "q-a1-denied", "q-a1-bulk", "q-person", "q-person-failed"].map(q),
      );
    });
  });

  describe("GDPR Export", () => {
    it("lists the DLP violations on the agent's communications, all time, masked", async () => {
      const a1 = await run("gdpr", seed.acme.orgId, { agentIds: [seed.a1] });
      const violations = a1.table("dlp_violations", "violations");
      expect(ids(violations)).toEqual([q("v-a1-email"), seed.id("v-a1"), seed.id("v-a1-late")]);
      expect(violations[0]).toMatchObject({ email_id: seed.id("e1-pii-out"), rule_name: "Watch addresses" });
      for (const row of violations) expect(String(row.excerpt)).not.toContain("4111 1111 1111 1111");
      expect(String(violations[0]!.excerpt)).not.toContain("jane@example.org");
      expect(a1.sections.get("dlp_violations")!.summary).toMatchObject({
        violations: 3,
        onRecordedEmails: 1,
        byAction: { alerted: 1, blocked: 2 },
      });
      const a2 = await run("gdpr", seed.acme.orgId, { agentIds: [seed.a2] });
      expect(ids(a2.table("dlp_violations", "violations"))).toEqual([seed.id("v-a2")]);
    });
  });
});
