// npm run bench — the report engine against the large demo data set, in one run:
//   1. seeds (or reuses) the benchmark database (demo scale 20: the high-volume
//      agent has 200,000 emails and 1,000,000 audit events);
//   2. starts the real server (`node scripts/start.mjs`: build if stale, then
//      `next start` with its report worker thread) on that database;
//   3. through the HTTP API with an API key: SOC2 Summary over the largest
//      org's last 365 days, GDPR Export of the agent with the most emails, Audit
//      Summary over 365 days — timing each generation while pinging the
//      list/status routes at 20 req/s (new TCP connection each, from a thread
//      of its own: bench/ping-worker.ts) for latency, and sampling the
//      server's RSS;
//   4. downloads every artifact over loopback (MB/s, the median of three passes, while list/status are
//      pinged) and checks its SHA-256 against the ETag; for SOC2 also the evidence package (format=zip): MB/s, same bytes every time,
//      and two packages at once while list/status are pinged (p99) and the server's RSS is sampled;
//   5. baselines: the sqlite3 CLI (or psql on PostgreSQL) computing the same
//      aggregates and dumping the same populations to CSV. GDPR's aggregates
//      include the personal data found per category and the external domains
//      it went to, so its baseline also scans every body for the six
//      categories (by regex); the bare dump without that scan is printed for
//      information. The SOC2 and Audit Summaries' integrity section reads the
//      org's whole audit chain, so their baselines read it too (printed
//      without it for information);
//   6. verifies the org's whole audit chain (GET /audit-trail/verify) against
//      node hashing the same canonical bytes from a file;
//   7. generates each report once more in a server process started for it
//      alone, its peak RSS beside the long-running server's runs.
// Each report runs BENCH_RUNS times, each generation followed by its baselines,
// so both see the same moments of a noisy machine; ratios are of the medians.
//
// Environment: BENCH_DATABASE_URL (default file:./data/bench/attest.db),
// BENCH_SCALE (20), BENCH_PORT (3457), BENCH_PING_MS (50), BENCH_RUNS (3; was
// BENCH_BASELINE_RUNS), BENCH_REPORTS (soc2,gdpr,audit: which reports to run, in that order),
// BENCH_CHAIN (0 skips the audit chain's verification), BENCH_FRESH (0 skips step 7).
// Results: printed, and written to data/bench/results.json.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { canonicalAuditEvent } from "@/lib/audit-chain/hash-audit-event";
import { chainEventColumns, readAuditChainEvents } from "@/lib/audit/read-audit-chain-events";
import { maxSeq } from "@/lib/audit/verify-stored-audit-chain";
import { bulkReadRows, slowQueryMs } from "@/lib/compliance/reports/query-log-anomalies";
import { createDatabaseClient, type Database } from "@/lib/db";
import { rawSqlOf } from "@/lib/db/raw-sql-of";
import { getDatabaseProvider, getSqliteFilePath } from "@/lib/db/database-url";
import { ensureBenchDataset } from "./bench-dataset";
import {
  createBenchKey,
  descendants,
  readMachineCpuSeconds,
  readStatusKb,
  request,
  sleep,
  startServer,
  stopServer,
} from "./bench-server";
import { startPinger, type PingFigures } from "./bench/start-pinger";

const root = process.cwd();
const databaseUrl = process.env.BENCH_DATABASE_URL ?? `file:${path.join(root, "data", "bench", "attest.db")}`;
const provider = getDatabaseProvider(databaseUrl);
const scale = Number(process.env.BENCH_SCALE ?? 20);
const port = Number(process.env.BENCH_PORT ?? 3457);
const pingEveryMs = Number(process.env.BENCH_PING_MS ?? 50);
const benchRuns = Math.max(1, Number(process.env.BENCH_RUNS ?? process.env.BENCH_BASELINE_RUNS ?? 3));
// BENCH_CHAIN=0 skips verifying the audit chain (and writing its baseline file).
const benchChainVerification = process.env.BENCH_CHAIN !== "0";
// BENCH_FRESH=0 skips generating each report once more in a server of its own.
const benchFreshServer = process.env.BENCH_FRESH !== "0";
const reportTypes = (process.env.BENCH_REPORTS ?? "soc2,gdpr,audit").split(",").map((type) => type.trim());
const resultsDir = path.join(root, "data", "bench");
const baselineDir = fs.mkdtempSync(path.join(os.tmpdir(), "attest-bench-"));

type ReportSpec = {
  label: string;
  type: "soc2" | "gdpr" | "audit";
  body: Record<string, unknown>;
  /** The target's baseline: the report's aggregates and population dumps. */
  baselineSql: string;
  /** Printed after the baseline's tool name, where it does more than aggregate and dump. */
  baselineNote?: string;
  /** For information only: another baseline, printed with its ratio but not the target's. */
  informationBaseline?: { label: string; sql: string };
};

async function main(): Promise<void> {
  fs.mkdirSync(resultsDir, { recursive: true });
  console.log(`Attest bench — ${provider}, scale ${scale}, ${os.cpus().length} CPUs, Node ${process.version}`);
  const db = createDatabaseClient(databaseUrl);
  try {
    await ensureDataset(db);
    const target = await pickTargets(db);
    const apiKey = await createBenchKey(db, target.orgId);
    const specs = buildSpecs(target).filter((spec) => reportTypes.includes(spec.type));
    // BENCH_REPORTS=none runs only the audit chain's verification.
    if (specs.length === 0 && process.env.BENCH_REPORTS !== "none") {
      throw new Error(`BENCH_REPORTS names no report type: ${process.env.BENCH_REPORTS}`);
    }

    const server = await startServer({ port, databaseUrl });
    const results: Record<string, unknown>[] = [];
    try {
      await warmUp(apiKey);
      for (const spec of specs) {
        console.log(`\n▶ ${spec.label}`);
        const runs: Run[] = [];
        const baselines: BaselineRun[] = [];
        const informationBaselines: BaselineRun[] = [];
        for (let round = 0; round < benchRuns; round++) {
          runs.push(await generate(spec, apiKey, server.pid));
          baselines.push(runBaseline(spec.baselineSql, spec.label));
          if (spec.informationBaseline) {
            informationBaselines.push(runBaseline(spec.informationBaseline.sql, spec.label));
          }
        }
        const downloads = [];
        for (const format of ["json", "csv"] as const) downloads.push(await download(runs.at(-1)!.id, format, apiKey));
        const evidencePackage =
          spec.type === "soc2" ? await benchPackage(runs.at(-1)!.id, apiKey, server.pid) : undefined;
        if (evidencePackage) printPackage(evidencePackage);
        results.push({
          label: spec.label,
          runs,
          downloads,
          evidencePackage,
          baselines,
          informationBaseline: spec.informationBaseline && {
            label: spec.informationBaseline.label,
            runs: informationBaselines,
          },
        });
        printRuns(spec, runs, downloads, baselines, informationBaselines);
      }
      if (benchChainVerification) results.push(await benchAuditChain(db, target.orgId, apiKey));
    } finally {
      await stopServer(server.child);
    }
    if (benchFreshServer) {
      for (const spec of specs) {
        const result = results.find((entry) => entry.label === spec.label) as { runs: Run[] } & Record<string, unknown>;
        const fresh = await generateInFreshServer(spec, apiKey);
        result.freshServerRun = fresh;
        printFreshServerRun(spec, fresh, result.runs);
      }
    }
    const peakRss = Math.max(
      // Only report generations sample RSS (the audit chain's runs do not).
      ...results.flatMap((result) =>
        (result as { runs: Partial<Run>[] }).runs.flatMap((run) =>
          run.peakRssMb === undefined ? [] : [run.peakRssMb],
        ),
      ),
      server.hwm(),
    );
    console.log(`\nPeak server RSS (sampled and VmHWM): ${peakRss.toFixed(0)} MB`);
    fs.writeFileSync(
      path.join(resultsDir, "results.json"),
      JSON.stringify(
        { at: new Date().toISOString(), provider, scale, cpus: os.cpus().length, results, peakRssMb: peakRss },
        null,
        2,
      ),
    );
  } finally {
    await db.$disconnect();
    fs.rmSync(baselineDir, { recursive: true, force: true });
  }
}

/**
 * The first request to a route loads its code into the server (~100–170 ms);
 * that is start-up, not the latency under generation this bench measures, so
 * the pinged routes are each called a few times first.
 */
async function warmUp(apiKey: string): Promise<void> {
  for (let round = 0; round < 5; round++) {
    await request(port, "GET", "/api/engine/compliance/reports?limit=25", apiKey);
    await request(port, "GET", "/api/engine/compliance/reports/no-such-report", apiKey);
  }
}

// ---------------------------------------------------------------- data set

async function ensureDataset(db: Database): Promise<void> {
  await ensureBenchDataset(db, databaseUrl, scale);
  // This database is the bench's own: earlier runs' reports (a pending one
  // would be generated first; completed ones only fill the disk) go.
  await db.reportChunk.deleteMany({});
  await db.reportArtifact.deleteMany({});
  await db.report.deleteMany({});
}

async function pickTargets(db: Database) {
  const [largestOrg] = await db.auditEvent.groupBy({
    by: ["orgId"],
    _count: { _all: true },
    orderBy: { _count: { orgId: "desc" } },
    take: 1,
  });
  if (!largestOrg) throw new Error("The benchmark database has no audit events");
  const [busiestAgent] = await db.email.groupBy({
    by: ["agentId"],
    where: { orgId: largestOrg.orgId },
    _count: { _all: true },
    orderBy: { _count: { agentId: "desc" } },
    take: 1,
  });
  if (!busiestAgent) throw new Error("The largest org has no emails");
  const today = new Date();
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 364))
    .toISOString()
    .slice(0, 10);
  console.log(
    `Org ${largestOrg.orgId} (${largestOrg._count._all.toLocaleString()} audit events); agent ${busiestAgent.agentId} (${busiestAgent._count._all.toLocaleString()} emails); ${from} to ${to}`,
  );
  return { orgId: largestOrg.orgId, agentId: busiestAgent.agentId, from, to };
}

// ---------------------------------------------------------------- baselines

function buildSpecs(target: { orgId: string; agentId: string; from: string; to: string }): ReportSpec[] {
  const q = (value: string) => `'${value.replace(/'/g, "''")}'`;
  const org = q(target.orgId);
  const agent = q(target.agentId);
  // Whole UTC days, inclusive, as a half-open text range: correct for both
  // stored forms ("…Z" and "…+00:00") on SQLite and for PostgreSQL timestamps.
  const fromTs = q(`${target.from}T00:00:00.000`);
  const nextDay = new Date(Date.parse(`${target.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const toTs = q(`${nextDay}T00:00:00.000`);
  const inRange = (column: string) =>
    provider === "postgresql"
      ? `"${column}" >= ${fromTs}::timestamp AND "${column}" < ${toTs}::timestamp`
      : `"${column}" >= ${fromTs} AND "${column}" < ${toTs}`;

  // The baselines run what each report runs — every aggregate query (manifest
  // counts and edges, section summaries, grouped tables, daily counts) and one
  // dump per population it lists — so a ratio compares the same database work;
  // only the rendering (JSON + CSV, hashing, chunked storage) is the report's own.
  const where = (...conditions: string[]) => conditions.join(" AND ");
  const events = (selection: string) => where(`"orgId" = ${org}`, selection, inRange("occurredAt"));
  const day = provider === "postgresql" ? `to_char("occurredAt", 'YYYY-MM-DD')` : `substr("occurredAt", 1, 10)`;
  const reason = provider === "postgresql" ? `"metadata"->>'reason'` : `json_extract("metadata", '$.reason')`;
  const orderedByTime = (table: string, condition: string, time: string) => [
    aggregate(`SELECT COUNT(*) FROM "${table}" WHERE ${condition}`),
    aggregate(`SELECT "id", "${time}" FROM "${table}" WHERE ${condition} ORDER BY "${time}", "id" LIMIT 1`),
    aggregate(`SELECT "id", "${time}" FROM "${table}" WHERE ${condition} ORDER BY "${time}" DESC, "id" DESC LIMIT 1`),
  ];
  const groupCounts = (table: string, condition: string, columns: string) =>
    aggregate(`SELECT ${columns}, COUNT(*) FROM "${table}" WHERE ${condition} GROUP BY ${columns} ORDER BY ${columns}`);
  const byDay = (condition: string) =>
    aggregate(`SELECT ${day}, COUNT(*) FROM "AuditEvent" WHERE ${condition} GROUP BY 1 ORDER BY 1`);
  const eventPopulation = (name: string, condition: string) => [
    ...orderedByTime("AuditEvent", condition, "occurredAt"),
    dump(name, `SELECT * FROM "AuditEvent" WHERE ${condition} ORDER BY "occurredAt", "id"`),
  ];

  const userAccess = events(`"category" IN ('authentication', 'user_admin')`);
  const agentConfig = events(`"category" IN ('agent_config')`);
  const enforcement = events(`"category" IN ('agent_enforcement')`);
  const admin = events(
    `("category" IN ('user_admin', 'agent_config', 'dlp', 'system_config', 'compliance') OR "action" LIKE 'api_key.%')`,
  );
  const vault = where(`"orgId" = ${org}`, inRange("occurredAt"));
  const dlp = where(`"orgId" = ${org}`, inRange("detectedAt"));
  const periodEnd = `${nextDay}T00:00:00.000`;
  const cutoff = q(new Date(Date.parse(`${periodEnd}Z`) - 90 * 86_400_000).toISOString().slice(0, 23));
  const end = q(periodEnd);
  const ts = (literal: string) => (provider === "postgresql" ? `${literal}::timestamp` : literal);
  const staleSecrets = where(
    `"orgId" = ${org}`,
    `"createdAt" < ${ts(cutoff)}`,
    `NOT EXISTS (SELECT 1 FROM "VaultAccess" a WHERE a."secretId" = "VaultSecret"."id" AND a."action" = 'rotate' AND a."outcome" = 'success' AND a."occurredAt" >= ${ts(cutoff)} AND a."occurredAt" < ${ts(end)})`,
    `("lastRotatedAt" IS NULL OR "lastRotatedAt" < ${ts(cutoff)} OR "lastRotatedAt" >= ${ts(end)})`,
  );
  const vaultAccessPopulation = (name: string) => [
    ...orderedByTime("VaultAccess", vault, "occurredAt"),
    dump(
      name,
      `SELECT a.*, s."name", s."kind" FROM "VaultAccess" a JOIN "VaultSecret" s ON s."id" = a."secretId" WHERE a."orgId" = ${org} AND ${inRange("occurredAt").replace(/"occurredAt"/g, 'a."occurredAt"')} ORDER BY a."occurredAt", a."id"`,
    ),
  ];
  // The database-access section of both summaries (write-query-log-section.ts): its population and counts.
  const queries = where(`"orgId" = ${org}`, inRange("occurredAt"));
  const queryActor = `"actorType", "actorId", "actorLabel", "database"`;
  const bulkRead = `"rowsReturned" >= ${bulkReadRows}`;
  const slowQuery = `"durationMs" >= ${slowQueryMs}`;
  const queryLogPopulation = (name: string) => [
    ...orderedByTime("QueryLog", queries, "occurredAt"),
    dump(name, `SELECT * FROM "QueryLog" WHERE ${queries} ORDER BY "occurredAt", "id"`),
    groupCounts("QueryLog", queries, `${queryActor}, "outcome"`),
    groupCounts("QueryLog", queries, `"database", "outcome"`),
    groupCounts("QueryLog", where(queries, `"outcome" = 'denied'`), queryActor),
    groupCounts("QueryLog", where(queries, `(${bulkRead} OR ${slowQuery})`), queryActor),
    aggregate(`SELECT COUNT(*) FROM "QueryLog" WHERE ${where(queries, bulkRead)}`),
    aggregate(`SELECT COUNT(*) FROM "QueryLog" WHERE ${where(queries, slowQuery)}`),
  ];
  const soc2: string[] = [
    // manifest and populations
    ...eventPopulation("soc2_user_access_events", userAccess),
    ...eventPopulation("soc2_agent_config_events", agentConfig),
    ...eventPopulation("soc2_enforcement_events", enforcement),
    ...eventPopulation("soc2_admin_events", admin),
    ...vaultAccessPopulation("soc2_vault_access"),
    ...orderedByTime("DlpViolation", dlp, "detectedAt"),
    dump(
      "soc2_dlp_violations",
      `SELECT v.*, r."name" FROM "DlpViolation" v JOIN "DlpRule" r ON r."id" = v."ruleId" WHERE v."orgId" = ${org} AND ${inRange("detectedAt").replace(/"detectedAt"/g, 'v."detectedAt"')} ORDER BY v."detectedAt", v."id"`,
    ),
    dump("soc2_members", `SELECT * FROM "Membership" WHERE "orgId" = ${org} ORDER BY "createdAt", "id"`),
    dump("soc2_agents", `SELECT * FROM "Agent" WHERE "orgId" = ${org} ORDER BY "createdAt", "id"`),
    dump("soc2_dlp_rules", `SELECT * FROM "DlpRule" WHERE "orgId" = ${org} ORDER BY "createdAt", "id"`),
    dump("soc2_vault_secrets", `SELECT * FROM "VaultSecret" WHERE "orgId" = ${org} ORDER BY "createdAt", "id"`),
    aggregate(`SELECT COUNT(*) FROM "VaultSecret" WHERE ${staleSecrets}`),
    dump("soc2_stale_secrets", `SELECT * FROM "VaultSecret" WHERE ${staleSecrets} ORDER BY "createdAt", "id"`),
    // user access
    groupCounts("AuditEvent", userAccess, `"action", "outcome"`),
    groupCounts(
      "AuditEvent",
      where(userAccess, `"action" IN ('auth.login', 'auth.login_failed')`),
      `"actorLabel", "actorId", "action", "outcome"`,
    ),
    byDay(userAccess),
    // agent boundaries and enforcement
    groupCounts("AuditEvent", agentConfig, `"agentId", "action"`),
    aggregate(
      `SELECT "agentId", ${reason}, COUNT(*) FROM "AuditEvent" WHERE ${enforcement} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
    ),
    groupCounts("AuditEvent", enforcement, `"action", "outcome"`),
    byDay(enforcement),
    // DLP
    groupCounts("DlpViolation", dlp, `"ruleId"`),
    groupCounts("DlpViolation", dlp, `"severity"`),
    groupCounts("DlpViolation", dlp, `"actionTaken"`),
    groupCounts("DlpViolation", dlp, `"agentId"`),
    // vault
    groupCounts("VaultAccess", vault, `"secretId", "action", "outcome"`),
    groupCounts("VaultAccess", vault, `"actorType", "actorLabel", "actorId", "action", "outcome"`),
    groupCounts("VaultAccess", vault, `"agentId", "action", "outcome"`),
    aggregate(
      `SELECT "secretId", MAX("occurredAt") FROM "VaultAccess" WHERE "orgId" = ${org} AND "action" = 'rotate' AND "outcome" = 'success' AND "occurredAt" < ${ts(end)} GROUP BY 1 ORDER BY 1`,
    ),
    // administrative actions
    groupCounts("AuditEvent", admin, `"category"`),
    groupCounts("AuditEvent", admin, `"actorType", "actorLabel", "actorId"`),
    byDay(admin),
    // database access
    ...queryLogPopulation("soc2_query_logs"),
  ];
  const gdprEmails = where(`"orgId" = ${org}`, `"agentId" = ${agent}`);
  const gdpr: string[] = [
    ...orderedByTime("Email", gdprEmails, "sentAt"),
    groupCounts("Email", gdprEmails, `"direction"`),
    dump("gdpr_emails", `SELECT * FROM "Email" WHERE ${gdprEmails} ORDER BY "sentAt", "id"`),
    dump(
      "gdpr_processing",
      `SELECT * FROM "ProcessingActivity" WHERE "orgId" = ${org} AND ("agentId" = ${agent} OR "agentId" IS NULL) ORDER BY "createdAt", "id"`,
    ),
    dump(
      "gdpr_sharing",
      `SELECT * FROM "DataSharingRecord" WHERE "orgId" = ${org} AND ("agentId" = ${agent} OR "agentId" IS NULL) ORDER BY "sharedAt", "id"`,
    ),
  ];
  const gdprScan = personalDataScan(provider, org, gdprEmails);
  const notApiKey = `NOT ("action" LIKE 'api_key.%')`;
  const signIns = events(`"category" = 'authentication' AND "action" LIKE 'auth.%'`);
  const auditAll = events(
    `("category" IN ('user_admin', 'agent_config', 'secrets', 'dlp', 'system_config', 'compliance') OR "action" LIKE 'api_key.%')`,
  );
  const topic = (condition: string, extra: string[]) => {
    const scoped = events(condition);
    return [
      groupCounts("AuditEvent", scoped, `"action", "outcome"`),
      groupCounts("AuditEvent", scoped, `"actorType", "actorId", "actorLabel"`),
      ...extra.map((columns) => groupCounts("AuditEvent", scoped, columns)),
    ];
  };
  const audit: string[] = [
    ...eventPopulation("audit_events", auditAll),
    groupCounts("AuditEvent", auditAll, `"category"`),
    groupCounts("AuditEvent", auditAll, `"actorType", "actorId", "actorLabel"`),
    groupCounts("AuditEvent", auditAll, `"category", "action", "outcome"`),
    byDay(auditAll),
    ...topic(`"category" = 'user_admin' AND ${notApiKey}`, [`"targetId"`]),
    ...topic(`"category" = 'agent_config' AND ${notApiKey}`, [`"agentId", "action"`]),
    ...topic(`"category" = 'secrets' AND ${notApiKey}`, [`"targetId", "action", "outcome"`]),
    ...topic(`"category" = 'dlp' AND ${notApiKey}`, [`"targetId", "action"`]),
    ...topic(`("category" = 'system_config' OR "action" LIKE 'api_key.%')`, [`"targetType", "targetId"`]),
    ...topic(`"category" = 'compliance' AND "source" = 'attest' AND ${notApiKey}`, []),
    // the secret section's vault records (write-audit-vault-accesses.ts)
    ...vaultAccessPopulation("audit_vault_access"),
    groupCounts("VaultAccess", vault, `"secretId", "action", "outcome"`),
    groupCounts("VaultAccess", vault, `"actorType", "actorId", "actorLabel", "action", "outcome"`),
    // sign-in activity (write-audit-sign-in-section.ts)
    ...eventPopulation("audit_sign_ins", signIns),
    groupCounts("AuditEvent", signIns, `"action", "outcome"`),
    groupCounts("AuditEvent", signIns, `"actorId", "actorLabel", "action", "outcome"`),
    byDay(signIns),
    // database access
    ...queryLogPopulation("audit_query_logs"),
  ];
  // The integrity section of both summaries (write-audit-trail-integrity-section.ts)
  // reads the org's whole chain in sequence order to recompute it; the CLI reads
  // the same columns. Hashing them is the report's own work, like its rendering.
  // psql's \copy takes its query on one line.
  const chainRead = (name: string) =>
    dump(
      name,
      `SELECT ${chainEventColumns.sql.replace(/\s+/g, " ")} FROM "AuditEvent" WHERE "orgId" = ${org} ORDER BY "seq"`,
    );
  const { from, to } = target;
  // Both summaries cover the period, and their integrity section adds the chain read.
  const summarySpec = (label: string, type: "soc2" | "audit", sql: string[]): ReportSpec => ({
    label,
    type,
    body: { dateRange: { from, to } },
    baselineSql: [...sql, chainRead(`${type}_audit_chain`)].join("\n"),
    baselineNote: "with the chain read",
    informationBaseline: {
      label: `${baselineTool} without the integrity section's chain read (the baseline before it counted)`,
      sql: sql.join("\n"),
    },
  });
  return [
    summarySpec("SOC2 Summary, 365 days", "soc2", soc2),
    {
      label: "GDPR Export, busiest agent",
      type: "gdpr",
      body: { agentId: target.agentId },
      // The report's aggregates include the personal data per category and the
      // external domains it was sent to; a dump alone computes neither.
      baselineSql: [...gdpr, ...gdprScan].join("\n"),
      baselineNote: "with the personal-data scan",
      informationBaseline: {
        label: `a bare dump (${baselineTool} without the personal-data scan)`,
        sql: gdpr.join("\n"),
      },
    },
    summarySpec("Audit Summary, 365 days", "audit", audit),
  ];
}

function aggregate(sql: string): string {
  const file = path.join(baselineDir, `aggregate-${createHash("sha1").update(sql).digest("hex").slice(0, 8)}.csv`);
  return dump(file, sql);
}

/**
 * What a bare dump of the GDPR emails leaves out, in the CLI's own regex
 * dialect: each email's subject and body matched against the shapes of the six
 * personal-data categories (shapes only: the report also validates cards by
 * Luhn, IBANs by mod-97 and phones with libphonenumber, and counts and masks
 * each occurrence), the emails per category, and the external recipient
 * domains of outbound emails with any match. A lower bound of the scan's cost.
 */
function personalDataScan(dialect: "sqlite" | "postgresql", org: string, emails: string): string[] {
  const shapes: Record<string, string> = {
    email_address: "[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z][A-Za-z]+",
    phone: "\\+?\\(?[0-9][0-9(). -]{5,24}[0-9]",
    payment_card: "[0-9]([ -]?[0-9]){12,18}",
    iban: "[A-Z][A-Z][0-9][0-9]( ?[A-Z0-9]){10,30}",
    us_ssn: "[0-9]{3}[- ][0-9]{2}[- ][0-9]{4}",
    ip_address: "[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}|[0-9A-Fa-f]{1,4}::|::[0-9A-Fa-f]{1,4}",
  };
  const categories = Object.keys(shapes);
  const matches = (pattern: string) =>
    dialect === "postgresql"
      ? `(("subject" || chr(10) || "body") ~ '${pattern}')::int`
      : `("subject" || char(10) || "body") REGEXP '${pattern}'`;
  const anyMatch = categories.map((category) => `s.${category}`).join(" + ");
  const addresses = (column: string) =>
    dialect === "postgresql"
      ? `SELECT s."id", lower(a) AS address FROM pii_scan s, jsonb_array_elements_text(s."${column}") AS a WHERE s."direction" = 'outbound' AND ${anyMatch} > 0`
      : `SELECT s."id", lower(a.value) AS address FROM pii_scan s, json_each(s."${column}") AS a WHERE s."direction" = 'outbound' AND ${anyMatch} > 0`;
  const domainOf = (expression: string) =>
    dialect === "postgresql"
      ? `split_part(${expression}, '@', 2)`
      : `substr(${expression}, instr(${expression}, '@') + 1)`;
  return [
    `CREATE TEMP TABLE pii_scan AS SELECT "id", "direction", "toAddresses", "ccAddresses", ${categories
      .map((category) => `${matches(shapes[category]!)} AS ${category}`)
      .join(", ")} FROM "Email" WHERE ${emails};`,
    aggregate(`SELECT ${categories.map((category) => `SUM(${category}) AS ${category}`).join(", ")} FROM pii_scan`),
    aggregate(
      `SELECT ${domainOf("address")} AS domain, COUNT(DISTINCT "id"), COUNT(DISTINCT address) FROM (${addresses("toAddresses")} UNION ALL ${addresses("ccAddresses")}) r WHERE ${domainOf("address")} NOT IN (SELECT ${domainOf('lower("emailAddress")')} FROM "Agent" WHERE "orgId" = ${org}) GROUP BY 1 ORDER BY 1`,
    ),
  ];
}

/** One population (or aggregate) written to a CSV file by the CLI. */
function dump(name: string, sql: string): string {
  const file = path.isAbsolute(name) ? name : path.join(baselineDir, `${name}.csv`);
  return provider === "postgresql"
    ? `\\copy (${sql}) TO '${file}' WITH (FORMAT csv, HEADER true)`
    : `.once ${file}\n${sql};`;
}

type BaselineRun = { seconds: number; bytes: number; machineCpuSeconds: number };

const baselineTool = provider === "postgresql" ? "psql" : "sqlite3";

/** One run of a baseline script through the CLI, timed, with the bytes of CSV it wrote. */
function runBaseline(sql: string, label: string): BaselineRun {
  for (const file of fs.readdirSync(baselineDir)) fs.rmSync(path.join(baselineDir, file));
  const started = performance.now();
  const cpuBefore = readMachineCpuSeconds();
  const result =
    provider === "postgresql"
      ? spawnSync("psql", [databaseUrl, "-v", "ON_ERROR_STOP=1", "-q"], { input: sql, encoding: "utf8" })
      : spawnSync("sqlite3", ["-bail", "-csv", "-header", getSqliteFilePath(databaseUrl)], {
          input: sql,
          encoding: "utf8",
        });
  const seconds = (performance.now() - started) / 1000;
  const machineCpuSeconds = readMachineCpuSeconds() - cpuBefore;
  if (result.status !== 0) throw new Error(`Baseline for ${label} failed: ${result.stderr}`);
  const bytes = fs
    .readdirSync(baselineDir)
    .reduce((sum, file) => sum + fs.statSync(path.join(baselineDir, file)).size, 0);
  return { seconds, bytes, machineCpuSeconds };
}

/** The middle value (the lower middle of an even count): one run of either side varied by ±30 % on this shared machine. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

// ---------------------------------------------------------------- runs

type Run = {
  id: string;
  label: string;
  status: string;
  error: string | null;
  generationSeconds: number;
  wallSeconds: number;
  artifacts: Record<string, { byteSize: number; sha256: string }>;
  ping: PingFigures;
  peakRssMb: number;
  /** The machine's busy CPU-seconds from the request to the report's completion. */
  machineCpuSeconds: number;
};

async function generate(spec: ReportSpec, apiKey: string, serverPid: number): Promise<Run> {
  const started = performance.now();
  const cpuBefore = readMachineCpuSeconds();
  const created = await request(
    port,
    "POST",
    `/api/engine/compliance/reports/${spec.type}`,
    apiKey,
    JSON.stringify(spec.body),
  );
  if (created.status !== 202) throw new Error(`POST ${spec.type} answered ${created.status}: ${created.body}`);
  const id = (JSON.parse(created.body) as { id: string }).id;

  const pinger = startPinger({ port, apiKey, everyMs: pingEveryMs, reportId: id });
  let peakRssKb = 0;
  const sampler = setInterval(() => {
    const kb = descendants(serverPid).reduce((max, pid) => Math.max(max, readStatusKb(pid, "VmRSS")), 0);
    peakRssKb = Math.max(peakRssKb, kb);
  }, 200);

  let report: {
    status: string;
    error: string | null;
    startedAt: string | null;
    completedAt: string | null;
    progress: number;
    artifacts: Run["artifacts"] | null;
  };
  let lastProgress = -1;
  for (;;) {
    await sleep(250);
    const response = await request(port, "GET", `/api/engine/compliance/reports/${id}`, apiKey);
    report = JSON.parse(response.body);
    if (report.progress !== lastProgress && report.progress % 10 === 0) {
      lastProgress = report.progress;
      process.stdout.write(` ${report.progress}%`);
    }
    if (report.status !== "pending") break;
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const machineCpuSeconds = readMachineCpuSeconds() - cpuBefore;
  clearInterval(sampler);
  const ping = await pinger.stop();
  process.stdout.write("\n");

  const generationSeconds =
    report.startedAt && report.completedAt
      ? (Date.parse(report.completedAt) - Date.parse(report.startedAt)) / 1000
      : NaN;
  return {
    id,
    label: spec.label,
    status: report.status,
    error: report.error,
    generationSeconds,
    wallSeconds,
    artifacts: report.artifacts ?? {},
    ping,
    peakRssMb: peakRssKb / 1024,
    machineCpuSeconds,
  };
}

/**
 * The evidence package (format=zip): MB/s over loopback (median of the
 * download passes), whether two downloads are the same bytes, and two
 * packages streaming at once while list/status are pinged and the server's
 * RSS is sampled; the targets are printed with the figures (docs/benchmarks.md).
 */
async function benchPackage(id: string, apiKey: string, serverPid: number) {
  const passes: Awaited<ReturnType<typeof fetchArtifact>>[] = [];
  for (let pass = 0; pass < downloadPasses; pass++) passes.push(await fetchArtifact(id, "zip", apiKey, true));
  const seconds = median(passes.map((pass) => pass.seconds));
  let peakRssKb = 0;
  const pinger = startPinger({ port, apiKey, everyMs: pingEveryMs, reportId: id });
  const sampler = setInterval(() => {
    const kb = descendants(serverPid).reduce((max, pid) => Math.max(max, readStatusKb(pid, "VmRSS")), 0);
    peakRssKb = Math.max(peakRssKb, kb);
  }, 200);
  const concurrentStarted = performance.now();
  let concurrent;
  try {
    concurrent = await Promise.all([fetchArtifact(id, "zip", apiKey, false), fetchArtifact(id, "zip", apiKey, false)]);
  } finally {
    clearInterval(sampler);
  }
  const concurrentSeconds = (performance.now() - concurrentStarted) / 1000;
  const ping = await pinger.stop();
  return {
    bytes: passes[0]!.bytes,
    seconds,
    mbPerSecond: passes[0]!.bytes / 1e6 / seconds,
    passesMbPerSecond: passes.map((pass) => pass.bytes / 1e6 / pass.seconds),
    isDeterministic: passes.every((pass) => pass.sha256 === passes[0]!.sha256 && pass.bytes === passes[0]!.bytes),
    concurrent: {
      seconds: concurrentSeconds,
      mbPerSecond: concurrent.reduce((sum, pass) => sum + pass.bytes, 0) / 1e6 / concurrentSeconds,
      pingP99: ping.p99,
      pingErrors: ping.errors,
      peakRssMb: peakRssKb / 1024,
    },
  };
}

function printPackage(result: Awaited<ReturnType<typeof benchPackage>>): void {
  const { concurrent } = result;
  console.log(
    `  package zip: ${(result.bytes / 1e6).toFixed(1)} MB in ${result.seconds.toFixed(2)} s = ${result.mbPerSecond.toFixed(0)} MB/s ` +
      `(median of ${result.passesMbPerSecond.map((rate) => rate.toFixed(0)).join(" / ")}; ≥ 150), same bytes each time: ${result.isDeterministic}`,
  );
  console.log(
    `  two packages at once: ${concurrent.mbPerSecond.toFixed(0)} MB/s together, list/status p99 ${concurrent.pingP99.toFixed(0)} ms ` +
      `(≤ 100, ${concurrent.pingErrors} errors), peak RSS ${concurrent.peakRssMb.toFixed(0)} MB (≤ 450)`,
  );
}

/** Timed without hashing (on a loaded 2-core machine the client's SHA-256 was the bottleneck), then fetched again to check the hash. */
/** Timed passes per artifact: the median is reported, as for generation (one pass varied ±30 %). */
const downloadPasses = 3;

async function download(id: string, format: "json" | "csv", apiKey: string) {
  const passes = [];
  // A download must not hold up other requests: list/status are pinged while the timed passes run.
  const pinger = startPinger({ port, apiKey, everyMs: pingEveryMs, reportId: id });
  for (let pass = 0; pass < downloadPasses; pass++) passes.push(await fetchArtifact(id, format, apiKey, false));
  const ping = await pinger.stop();
  const seconds = median(passes.map((pass) => pass.seconds));
  const bytes = passes[0]!.bytes;
  const checked = await fetchArtifact(id, format, apiKey, true);
  return {
    format,
    bytes,
    seconds,
    mbPerSecond: bytes / 1e6 / seconds,
    passesMbPerSecond: passes.map((pass) => pass.bytes / 1e6 / pass.seconds),
    ping,
    hashMatchesEtag: checked.etag === `"${checked.sha256}"` && passes.every((pass) => pass.bytes === checked.bytes),
  };
}

async function fetchArtifact(id: string, format: "json" | "csv" | "zip", apiKey: string, isHashed: boolean) {
  const started = performance.now();
  const hash = createHash("sha256");
  let bytes = 0;
  let etag = "";
  await new Promise<void>((resolve, reject) => {
    const req = http.get(
      {
        host: "127.0.0.1",
        port,
        path: `/api/engine/compliance/reports/${id}/download?format=${format}`,
        headers: { authorization: `Bearer ${apiKey}` },
      },
      (res) => {
        etag = String(res.headers.etag ?? "");
        if (res.statusCode !== 200) return reject(new Error(`download ${format} answered ${res.statusCode}`));
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.byteLength;
          if (isHashed) hash.update(chunk);
        });
        res.on("end", () => resolve());
        res.on("error", reject);
      },
    );
    req.on("error", reject);
  });
  const seconds = (performance.now() - started) / 1000;
  return { bytes, seconds, etag, sha256: hash.digest("hex") };
}

/**
 * One more generation of the report in a server process started for it alone,
 * so its peak RSS can be set beside the runs of the long-running server (after
 * other reports and downloads): a report's memory must not depend on what ran before.
 */
async function generateInFreshServer(spec: ReportSpec, apiKey: string): Promise<Run> {
  const server = await startServer({ port, databaseUrl });
  try {
    await warmUp(apiKey);
    return await generate(spec, apiKey, server.pid);
  } finally {
    await stopServer(server.child);
  }
}

function printFreshServerRun(spec: ReportSpec, fresh: Run, runs: Run[]): void {
  console.log(
    `  ${spec.label} in a fresh server: peak RSS ${fresh.peakRssMb.toFixed(0)} MB, generation ${fresh.generationSeconds.toFixed(1)} s ` +
      `(in the long-running server: ${runs.map((run) => run.peakRssMb.toFixed(0)).join(" / ")} MB; target ≤ 450 MB)`,
  );
}

function printRuns(
  spec: ReportSpec,
  runs: Run[],
  downloads: Awaited<ReturnType<typeof download>>[],
  baselines: BaselineRun[],
  informationBaselines: BaselineRun[],
): void {
  const times = (values: number[]) => values.map((value) => value.toFixed(1)).join(" / ");
  const generation = median(runs.map((run) => run.generationSeconds));
  const baseline = median(baselines.map((run) => run.seconds));
  for (const run of runs.filter((run) => run.status !== "completed")) {
    console.log(`  status ${run.status}${run.error ? ` (${run.error})` : ""}`);
  }
  console.log(
    `  generation ${generation.toFixed(1)} s (median of ${times(runs.map((run) => run.generationSeconds))} s); baseline ${baselineTool}${spec.baselineNote ? ` ${spec.baselineNote}` : ""} ${baseline.toFixed(1)} s (median of ${times(baselines.map((run) => run.seconds))} s, ${((baselines[0]?.bytes ?? 0) / 1e6).toFixed(0)} MB CSV) → ratio ${(generation / baseline).toFixed(2)}× (target ≤ 1.5×)`,
  );
  if (spec.informationBaseline && informationBaselines.length > 0) {
    const other = median(informationBaselines.map((run) => run.seconds));
    console.log(
      `  for information: ${spec.informationBaseline.label} ${other.toFixed(1)} s (median of ${times(informationBaselines.map((run) => run.seconds))} s, ${median(informationBaselines.map((run) => run.machineCpuSeconds)).toFixed(1)} CPU-s) → ratio ${(generation / other).toFixed(2)}×`,
    );
  }
  const generationCpu = median(runs.map((run) => run.machineCpuSeconds));
  const baselineCpu = median(baselines.map((run) => run.machineCpuSeconds));
  console.log(
    `  machine CPU (every process, the pings included): generation ${generationCpu.toFixed(1)} CPU-s (median of ${times(runs.map((run) => run.machineCpuSeconds))}), baseline ${baselineCpu.toFixed(1)} CPU-s (median of ${times(baselines.map((run) => run.machineCpuSeconds))}) → ${(generationCpu / baselineCpu).toFixed(2)}×`,
  );
  for (const d of downloads) {
    console.log(
      `  download ${d.format}: ${(d.bytes / 1e6).toFixed(1)} MB in ${d.seconds.toFixed(2)} s = ${d.mbPerSecond.toFixed(0)} MB/s (median of ${d.passesMbPerSecond.map((rate) => rate.toFixed(0)).join(" / ")}), sha256 = ETag: ${d.hashMatchesEtag}; ` +
        `list/status p99 ${d.ping.p99.toFixed(0)} ms meanwhile (≤ 100, ${d.ping.count} pings, ${d.ping.errors} errors)`,
    );
  }
  const pings = runs.map((run) => run.ping);
  console.log(
    `  list/status while generating: ${pings.reduce((sum, ping) => sum + ping.count, 0)} requests, p50 ${pings.map((ping) => ping.p50.toFixed(0)).join(" / ")} ms, p99 ${pings.map((ping) => ping.p99.toFixed(0)).join(" / ")} ms, max ${Math.max(...pings.map((ping) => ping.max)).toFixed(0)} ms, errors ${pings.reduce((sum, ping) => sum + ping.errors, 0)} (target p99 ≤ 100 ms)`,
  );
  console.log(
    `  peak server RSS during generation: ${runs.map((run) => run.peakRssMb.toFixed(0)).join(" / ")} MB (target ≤ 450 MB)`,
  );
}

// ---------------------------------------------------------------- audit chain

/**
 * Verifying the org's whole audit chain through GET /audit-trail/verify,
 * against node hashing the same canonical bytes (one SHA-256 per event) read
 * from a file written beforehand: what verification costs beyond the hashing
 * itself (reading the rows, the personal fields' digests, the canonical form).
 */
async function benchAuditChain(db: Database, orgId: string, apiKey: string) {
  console.log("\n▶ Audit trail verification (the org's whole chain)");
  const file = path.join(baselineDir, "canonical-events.txt");
  const out = fs.createWriteStream(file);
  let events = 0;
  for await (const event of readAuditChainEvents(rawSqlOf(db), orgId, { from: 1, to: maxSeq })) {
    if (!out.write(`${canonicalAuditEvent(event)}\n`))
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    events += 1;
  }
  await new Promise((resolve) => out.end(resolve));
  const runs: { verifySeconds: number; baselineSeconds: number; status: string; count: number }[] = [];
  for (let round = 0; round < benchRuns; round++) {
    const started = performance.now();
    const response = await request(port, "GET", "/api/engine/compliance/audit-trail/verify", apiKey);
    const verifySeconds = (performance.now() - started) / 1000;
    const result = JSON.parse(response.body) as { status: string; count: number; headHash: string };
    const baselineStarted = performance.now();
    const baseline = spawnSync(
      process.execPath,
      [path.join(root, "scripts", "bench", "hash-canonical-lines.mjs"), file],
      {
        encoding: "utf8",
      },
    );
    const baselineSeconds = (performance.now() - baselineStarted) / 1000;
    const hashed = JSON.parse(baseline.stdout) as { count: number; last: string };
    if (hashed.count !== events || (result.status === "verified" && hashed.last !== result.headHash)) {
      throw new Error(`The verification and its baseline disagree: ${response.body} vs ${baseline.stdout}`);
    }
    runs.push({ verifySeconds, baselineSeconds, status: result.status, count: result.count });
  }
  const verify = median(runs.map((run) => run.verifySeconds));
  const baseline = median(runs.map((run) => run.baselineSeconds));
  const times = (values: number[]) => values.map((value) => value.toFixed(1)).join(" / ");
  console.log(
    `  ${events.toLocaleString()} events, ${runs[0]?.status}: verify ${verify.toFixed(1)} s (median of ${times(runs.map((run) => run.verifySeconds))} s); baseline node hashing the canonical bytes from a file ${baseline.toFixed(1)} s (median of ${times(runs.map((run) => run.baselineSeconds))} s) → ratio ${(verify / baseline).toFixed(2)}× (target ≤ 2×)`,
  );
  return { label: "Audit trail verification", events, runs };
}

// ---------------------------------------------------------------- http

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
