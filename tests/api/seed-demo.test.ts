// The demo seed against a real database. It empties and fills whole tables, so
// it runs on a database of its own (never the run's shared one).
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDatabaseClient, type Database } from "@/lib/db";
import { isValidIbanChecksum } from "@/lib/demo/compute-iban-check-digits";
import { getDemoVolumes } from "@/lib/demo/get-demo-volumes";
import { DemoDatabaseNotEmptyError, seedDemo, type SeedDemoResult } from "@/lib/demo/seed-demo";
import { seedDemoIfEmpty } from "@/lib/demo/seed-demo-if-empty";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

const execFileAsync = promisify(execFile);
const SCALE = 0.05;
const ANCHOR = "2026-06-30";
const PASSWORD = "seed-test-password";

let database: TestDatabase;
let client: Database;
let first: SeedDemoResult;
let schemaBefore: string[];

/** Index and foreign-key names of the database: the bulk load must leave them as the migrations made them. */
async function listSchemaObjects(): Promise<string[]> {
  const rows =
    database.provider === "postgresql"
      ? await client.$queryRawUnsafe<{ name: string }[]>(
          `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()
           UNION ALL SELECT conname::text AS name FROM pg_constraint WHERE connamespace = to_regnamespace(current_schema())`,
        )
      : await client.$queryRawUnsafe<{ name: string }[]>(
          `SELECT name FROM sqlite_master WHERE type = 'index'
           UNION ALL SELECT m.name || '->' || f."table" AS name FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`,
        );
  return rows.map((r) => r.name).sort();
}

beforeAll(async () => {
  database = await createTestDatabase({ migrate: true, label: "seed" });
  client = createDatabaseClient(database.url);
  schemaBefore = await listSchemaObjects();
  first = await seedDemo({ databaseUrl: database.url, scale: SCALE, anchor: ANCHOR, password: PASSWORD });
}, 120_000);

afterAll(async () => {
  await client?.$disconnect();
  await database?.drop();
});

const countsByTable = async () => ({
  Organization: await client.organization.count(),
  User: await client.user.count(),
  Membership: await client.membership.count(),
  Agent: await client.agent.count(),
  Email: await client.email.count(),
  AuditEvent: await client.auditEvent.count(),
  DlpRule: await client.dlpRule.count(),
  DlpViolation: await client.dlpViolation.count(),
  VaultSecret: await client.vaultSecret.count(),
  VaultAccess: await client.vaultAccess.count(),
  QueryLog: await client.queryLog.count(),
  ProcessingActivity: await client.processingActivity.count(),
  DataSharingRecord: await client.dataSharingRecord.count(),
});

describe("seedDemo", () => {
  it("writes the volumes of its scale, and reports what it wrote", async () => {
    const volumes = getDemoVolumes(SCALE);
    const counts = await countsByTable();
    expect(first.status).toBe("seeded");
    expect(counts).toEqual(first.counts);
    expect(counts).toMatchObject({
      Organization: 2,
      Agent: 12,
      Email: volumes.highVolumeAgentEmails + volumes.otherAgentEmails,
      QueryLog: volumes.queryLogs,
      DataSharingRecord: volumes.sharingRecords,
    });
    for (const count of Object.values(counts)) expect(count).toBeGreaterThan(0);

    const orgs = await client.organization.findMany({ select: { slug: true, name: true }, orderBy: { slug: "asc" } });
    expect(orgs).toEqual([
      { slug: "acme", name: "Acme Robotics" },
      { slug: "globex", name: "Globex" },
    ]);
    const agentsPerOrg = await client.agent.groupBy({
      by: ["orgId"],
      _count: { _all: true },
      orderBy: { orgId: "asc" },
    });
    expect(agentsPerOrg.map((g) => g._count._all)).toEqual([7, 5]);
  });

  it("leaves every index and foreign key in place", async () => {
    expect(schemaBefore.length).toBeGreaterThan(20);
    expect(await listSchemaObjects()).toEqual(schemaBefore);
  });

  it("gives the high-volume agent its emails and audit events", async () => {
    const volumes = getDemoVolumes(SCALE);
    const agent = await client.agent.findFirstOrThrow({
      where: { name: "Support Triage" },
      select: { id: true, org: { select: { slug: true } } },
    });
    expect(agent.org.slug).toBe("acme");
    const emailsByAgent = await client.email.groupBy({ by: ["agentId"], _count: { _all: true } });
    const top = [...emailsByAgent].sort((a, b) => b._count._all - a._count._all)[0];
    expect(top).toEqual({ agentId: agent.id, _count: { _all: volumes.highVolumeAgentEmails } });
    expect(await client.auditEvent.count({ where: { agentId: agent.id } })).toBe(volumes.highVolumeAgentAuditEvents);
  });

  it("creates the four demo logins with their roles and the demo password", async () => {
    const users = await client.user.findMany({
      where: { email: { in: ["admin@acme.test", "auditor@acme.test", "member@acme.test", "admin@globex.test"] } },
      select: {
        email: true,
        passwordHash: true,
        disabledAt: true,
        memberships: { select: { role: true, org: { select: { slug: true } } } },
      },
      orderBy: { email: "asc" },
    });
    const roles = Object.fromEntries(
      users.map((u) => [u.email, u.memberships.map((m) => `${m.org.slug}:${m.role}`).sort()]),
    );
    expect(roles).toEqual({
      "admin@acme.test": ["acme:admin", "globex:auditor"],
      "admin@globex.test": ["globex:admin"],
      "auditor@acme.test": ["acme:auditor"],
      "member@acme.test": ["acme:member"],
    });
    for (const user of users) {
      expect(user.disabledAt).toBeNull();
      expect(user.passwordHash.startsWith("$2")).toBe(true);
      expect(await bcrypt.compare(PASSWORD, user.passwordHash)).toBe(true);
    }
  });

  it("covers every audit category and action the reports need, mirroring secret events in the vault log", async () => {
    const byAction = await client.auditEvent.groupBy({ by: ["category", "action"], _count: { _all: true } });
    const actions = new Set(byAction.map((g) => `${g.category}/${g.action}`));
    for (const expected of [
      "authentication/auth.login",
      "authentication/auth.login_failed",
      "user_admin/user.created",
      "user_admin/user.removed",
      "user_admin/user.role_changed",
      "agent_config/agent.config_changed",
      "agent_enforcement/agent.action_denied",
      "secrets/secret.read",
      "secrets/secret.rotated",
      "dlp/dlp.rule_created",
      "dlp/dlp.rule_updated",
      "dlp/dlp.rule_deleted",
      "system_config/system.config_changed",
    ]) {
      expect(actions).toContain(expected);
    }
    const secretEvents = await client.auditEvent.count({
      where: { action: { in: ["secret.read", "secret.rotated"] } },
    });
    expect(await client.vaultAccess.count()).toBe(secretEvents);

    const roleChange = await client.auditEvent.findFirstOrThrow({
      where: { action: "user.role_changed" },
      select: { metadata: true, actorLabel: true },
    });
    expect(roleChange.metadata).toEqual({ from: expect.any(String), to: expect.any(String) });
    expect(roleChange.actorLabel).toMatch(/@(acme|globex)\.test$/);
    const configChange = await client.auditEvent.findFirstOrThrow({
      where: { action: "agent.config_changed" },
      select: { metadata: true },
    });
    expect(Object.keys(configChange.metadata as object).sort()).toEqual(["after", "before"]);
    const denial = await client.auditEvent.findFirstOrThrow({
      where: { action: "agent.action_denied" },
      select: { metadata: true, outcome: true },
    });
    expect(denial.outcome).toBe("denied");
    expect(denial.metadata).toMatchObject({ reason: expect.any(String) });
  });

  it("writes dates Prisma reads and filters on, all inside the 180 days before the anchor", async () => {
    const range = await client.email.aggregate({ _min: { sentAt: true }, _max: { sentAt: true } });
    expect(range._min.sentAt!.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-01-01T00:00:00Z"));
    expect(range._max.sentAt!.getTime()).toBeLessThan(Date.parse(`${ANCHOR}T00:00:00Z`));
    // Equality through Prisma only matches when raw rows use Prisma's own text format.
    const email = await client.email.findFirstOrThrow({ select: { sentAt: true }, orderBy: { id: "asc" } });
    expect(await client.email.count({ where: { sentAt: email.sentAt } })).toBeGreaterThanOrEqual(1);
    const event = await client.auditEvent.findFirstOrThrow({ select: { occurredAt: true }, orderBy: { id: "desc" } });
    expect(await client.auditEvent.count({ where: { occurredAt: event.occurredAt } })).toBeGreaterThanOrEqual(1);

    const agent = await client.agent.findFirstOrThrow({
      where: { name: "Support Triage" },
      select: { allowedTools: true, allowedRecipientDomains: true },
    });
    expect(agent.allowedTools).toEqual(expect.arrayContaining(["email.send"]));
    expect(Array.isArray(agent.allowedRecipientDomains)).toBe(true);
    expect(await client.dlpRule.count({ where: { enabled: false } })).toBeGreaterThan(0);
  });

  it("puts each kind of personal data into email bodies, and raises violations on real emails", async () => {
    const emails = await client.email.findMany({ select: { body: true, toAddresses: true, ccAddresses: true } });
    const bodies = emails.map((e) => e.body);
    // Multi-line bodies survive the bulk path (COPY escapes newlines on PostgreSQL).
    expect(bodies.every((b) => /^(Hi [^\n]+,|Hello,)\n\n[^\n]+\n\n/.test(b))).toBe(true);
    const luhn = (digits: string) =>
      [...digits].reverse().reduce((sum, ch, i) => {
        const d = Number(ch) * (i % 2 ? 2 : 1);
        return sum + (d > 9 ? d - 9 : d);
      }, 0) %
        10 ===
      0;
    const found = {
      email: bodies.some((b) => /\b[a-z]+\.[a-z]+\d+@example\.(com|net|org)\b/.test(b)),
      phone: bodies.some((b) => /\+\d{1,3}[ -(]/.test(b)),
      card: bodies.some((b) => (b.match(/\b\d(?:[ ]?\d){14,15}\b/g) ?? []).some((m) => luhn(m.replace(/ /g, "")))),
      iban: bodies.some((b) => (b.match(/\b[A-Z]{2}\d{2}(?: [A-Z0-9]{1,4})+\b/g) ?? []).some(isValidIbanChecksum)),
      ssn: bodies.some((b) => /\b\d{3}-\d{2}-\d{4}\b/.test(b)),
      ipv4: bodies.some((b) => /\b(?:\d{1,3}\.){3}\d{1,3}\b/.test(b)),
    };
    expect(found).toEqual({ email: true, phone: true, card: true, iban: true, ssn: true, ipv4: true });

    const recipients = emails.flatMap((e) => [...(e.toAddresses as string[]), ...(e.ccAddresses as string[])]);
    expect(recipients.some((a) => !/@(acme|globex)\.test$/.test(a))).toBe(true);

    const violations = await client.dlpViolation.findMany({ select: { emailId: true, excerpt: true }, take: 200 });
    expect(violations.length).toBeGreaterThan(0);
    const linked = await client.email.count({ where: { id: { in: violations.map((v) => v.emailId!) } } });
    expect(linked).toBe(new Set(violations.map((v) => v.emailId)).size);
    for (const v of violations) expect(v.excerpt).not.toMatch(/\d{4} ?\d{4} ?\d{4} ?\d{4}/);
  });

  it("leaves a populated database alone unless told to reset, and seeds it again identically", async () => {
    await expect(seedDemo({ databaseUrl: database.url, scale: SCALE, anchor: ANCHOR })).rejects.toBeInstanceOf(
      DemoDatabaseNotEmptyError,
    );
    // Asked for explicitly: on PostgreSQL the demo is never seeded otherwise.
    vi.stubEnv("ATTEST_SEED_DEMO", "true");
    const skipped = await seedDemoIfEmpty({ databaseUrl: database.url, scale: SCALE, anchor: ANCHOR });
    vi.unstubAllEnvs();
    expect(skipped?.status).toBe("skipped");

    const snapshot = async () => ({
      emails: await client.email.findMany({
        select: { id: true, subject: true, sentAt: true, agentId: true },
        orderBy: { id: "asc" },
      }),
      events: await client.auditEvent.findMany({
        select: { id: true, action: true, occurredAt: true },
        orderBy: { id: "asc" },
        where: { id: { lt: "evt_00000zz" } },
      }),
    });
    const before = await snapshot();
    const again = await seedDemo({
      databaseUrl: database.url,
      scale: SCALE,
      anchor: ANCHOR,
      reset: true,
      password: PASSWORD,
    });
    expect(again.counts).toEqual(first.counts);
    const after = await snapshot();
    expect(after.emails).toEqual(before.emails);
    expect(after.events).toEqual(before.events);
  });
});

describe("npm run seed", () => {
  it("writes, through its worker thread, exactly the rows the in-process seed wrote", async () => {
    const other = await createTestDatabase({ migrate: true, label: "seedcli" });
    const otherClient = createDatabaseClient(other.url);
    try {
      const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../scripts/seed.ts");
      const { stdout } = await execFileAsync(
        process.execPath,
        ["--import", "tsx", script, "--scale", String(SCALE), "--anchor", ANCHOR],
        {
          env: { ...process.env, DATABASE_URL: other.url, LOG_LEVEL: "silent" },
        },
      );
      expect(stdout).toContain("admin@acme.test");
      const rows = (c: Database) =>
        Promise.all([
          c.email.findMany({
            select: { id: true, subject: true, body: true, sentAt: true, toAddresses: true },
            orderBy: { id: "asc" },
          }),
          c.auditEvent.findMany({
            select: { id: true, action: true, occurredAt: true, metadata: true },
            orderBy: { id: "asc" },
          }),
          c.dlpViolation.findMany({ select: { id: true, emailId: true, excerpt: true }, orderBy: { id: "asc" } }),
        ]);
      const [mine, theirs] = await Promise.all([rows(client), rows(otherClient)]);
      expect(theirs[0].length).toBe(first.counts.Email);
      expect(theirs).toEqual(mine);
    } finally {
      await otherClient.$disconnect();
      await other.drop();
    }
  }, 180_000);
});

describe("seedDemoIfEmpty", () => {
  it("seeds an empty database exactly once when two processes race", async () => {
    const fresh = await createTestDatabase({ migrate: true, label: "seedrace" });
    const freshClient = createDatabaseClient(fresh.url);
    try {
      const child = path.join(path.dirname(fileURLToPath(import.meta.url)), "seed-demo-race-child.ts");
      const run = () =>
        execFileAsync(process.execPath, ["--import", "tsx", child, fresh.url, ANCHOR], {
          env: { ...process.env, ATTEST_SEED_DEMO: "true", LOG_LEVEL: "silent" },
        }).then(({ stdout }) => (JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as { status: string }).status);
      const statuses = await Promise.all([run(), run()]);
      expect(statuses.sort()).toEqual(["seeded", "skipped"]);
      expect(await freshClient.organization.count()).toBe(2);
    } finally {
      await freshClient.$disconnect();
      await fresh.drop();
    }
  }, 120_000);

  it("never seeds a PostgreSQL database unless ATTEST_SEED_DEMO=true says so", async () => {
    const previous = process.env.ATTEST_SEED_DEMO;
    delete process.env.ATTEST_SEED_DEMO;
    try {
      // Nothing listens on port 1: reaching for the database at all would throw.
      expect(await seedDemoIfEmpty({ databaseUrl: "postgres://nobody@127.0.0.1:1/never_opened" })).toBeNull();
    } finally {
      if (previous !== undefined) process.env.ATTEST_SEED_DEMO = previous;
    }
  });

  it("does nothing when ATTEST_SEED_DEMO is false", async () => {
    const previous = process.env.ATTEST_SEED_DEMO;
    process.env.ATTEST_SEED_DEMO = "false";
    try {
      expect(await seedDemoIfEmpty({ databaseUrl: "file:/nonexistent/never-opened.db" })).toBeNull();
    } finally {
      if (previous === undefined) delete process.env.ATTEST_SEED_DEMO;
      else process.env.ATTEST_SEED_DEMO = previous;
    }
  });
});
