// Seeds the demo: two organizations with their people, agents and 180 days of
// records, in one transaction through the raw bulk writer. Same scale and
// anchor → same rows (only the password hash's salt differs between runs). The
// demo users share one hash of the demo password (one bcrypt run, not twelve).
import bcrypt from "bcryptjs";
import { getDatabaseUrl } from "@/lib/db/database-url";
import { buildDemoDirectory } from "@/lib/demo/build-demo-directory";
import { createRandom } from "@/lib/demo/create-random";
import { demoTableColumns, type DemoTable } from "@/lib/demo/demo-tables";
import { getDemoVolumes, type DemoVolumes } from "@/lib/demo/get-demo-volumes";
import { openBulkWriter, type SqlValue } from "@/lib/demo/open-bulk-writer";
import { resolveDemoAnchor } from "@/lib/demo/resolve-demo-anchor";
import { writeDemoAuditEvents } from "@/lib/demo/write-demo-audit-events";
import { writeDemoEmails } from "@/lib/demo/write-demo-emails";
import { writeDemoQueryLogs } from "@/lib/demo/write-demo-query-logs";
import { writeDemoSharingRecords } from "@/lib/demo/write-demo-sharing-records";

export const DEFAULT_DEMO_PASSWORD = "demo-password";
const SEED = "attest-demo-v1";
const BCRYPT_COST = 10;
/** The tables that grow with --scale. */
const BULK_TABLES = ["Email", "DlpViolation", "AuditEvent", "VaultAccess", "QueryLog", "DataSharingRecord"];

export type SeedDemoOptions = {
  /** See getDemoVolumes; default 1. */
  scale?: number;
  /** YYYY-MM-DD (or a Date) the 180 days end on; default today (UTC). */
  anchor?: string | Date;
  /** Delete all existing data first. */
  reset?: boolean;
  /** Seed only an empty database (no organization); otherwise leave it untouched. */
  ifEmpty?: boolean;
  databaseUrl?: string;
  /** Default: DEMO_PASSWORD, else "demo-password". */
  password?: string;
  onProgress?: (step: string, rows: number, elapsedMs: number) => void;
};

export type SeedDemoResult = {
  status: "seeded" | "skipped";
  scale: number;
  anchor: string;
  volumes: DemoVolumes;
  counts: Partial<Record<DemoTable, number>>;
  durationMs: number;
};

export class DemoDatabaseNotEmptyError extends Error {
  constructor() {
    super("The database already holds organizations; run the seed with --reset to replace them.");
    this.name = "DemoDatabaseNotEmptyError";
  }
}

export async function seedDemo(options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  const volumes = getDemoVolumes(scale);
  const anchor = resolveDemoAnchor(options.anchor);
  const password = options.password ?? (process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD);
  const result: SeedDemoResult = {
    status: "skipped",
    scale,
    anchor: anchor.toISOString().slice(0, 10),
    volumes,
    counts: {},
    durationMs: 0,
  };
  const progress = (step: string, rows: number) => options.onProgress?.(step, rows, performance.now() - started);

  const writer = await openBulkWriter(options.databaseUrl ?? getDatabaseUrl());
  try {
    await writer.beginExclusive();
    if (options.reset) {
      await writer.deleteAllData();
      progress("reset", 0);
    } else if ((await writer.countRows("Organization")) > 0) {
      await writer.rollback();
      if (options.ifEmpty) return { ...result, durationMs: performance.now() - started };
      throw new DemoDatabaseNotEmptyError();
    }

    // Hashed once the database is known to need it: every server start with a
    // populated database passes through here.
    const passwordHash = await bcrypt.hash(password, BCRYPT_COST);
    const random = createRandom(SEED);
    const dir = buildDemoDirectory(random.fork("directory"), anchor.getTime(), passwordHash, writer.formatTimestamp);
    for (const [table, rows] of Object.entries(dir.rows) as [keyof typeof dir.rows, Record<string, SqlValue>[]][]) {
      const columns = demoTableColumns[table];
      await writer.insert(
        table,
        columns,
        rows.map((row) => columns.map((c) => row[c] ?? null)),
      );
      result.counts[table] = rows.length;
    }
    progress(
      "directory",
      Object.values(dir.rows).reduce((n, rows) => n + rows.length, 0),
    );

    await writer.beginBulkLoad(BULK_TABLES);
    const mail = await writeDemoEmails(writer, random.fork("emails"), dir, volumes);
    result.counts.Email = mail.emails;
    result.counts.DlpViolation = mail.violations;
    progress("emails", mail.emails + mail.violations);

    const audit = await writeDemoAuditEvents(writer, random.fork("audit"), dir, volumes);
    result.counts.AuditEvent = audit.auditEvents;
    result.counts.VaultAccess = audit.vaultAccesses;
    progress("audit events", audit.auditEvents + audit.vaultAccesses);

    result.counts.QueryLog = await writeDemoQueryLogs(writer, random.fork("queries"), dir, volumes);
    result.counts.DataSharingRecord = await writeDemoSharingRecords(writer, random.fork("sharing"), dir, volumes);
    progress("query logs and sharing records", result.counts.QueryLog + result.counts.DataSharingRecord);

    await writer.endBulkLoad();
    progress("indexes and foreign keys", 0);
    await writer.commit();
    progress("committed", 0);
    return { ...result, status: "seeded", durationMs: performance.now() - started };
  } catch (error) {
    await writer.rollback();
    throw error;
  } finally {
    await writer.close();
  }
}
