// Seeds the demo: two organizations with their people, agents and 180 days of
// records, in one transaction through the raw bulk writer. Same scale and
// anchor → same rows (only the password hash's salt differs between runs). The
// demo users share one hash of the demo password (one bcrypt run, not twelve).
import bcrypt from "bcryptjs";
import { getDatabaseUrl } from "@/lib/db/database-url";
import type { DemoTable } from "@/lib/demo/demo-tables";
import { generateDemoData } from "@/lib/demo/generate-demo-data";
import { generateDemoDataInWorker } from "@/lib/demo/generate-demo-data-in-worker";
import { getDemoVolumes, type DemoVolumes } from "@/lib/demo/get-demo-volumes";
import { openBulkWriter, type RowSink } from "@/lib/demo/open-bulk-writer";
import { resolveDemoAnchor } from "@/lib/demo/resolve-demo-anchor";
import { getEnv } from "@/lib/env";

export const DEFAULT_DEMO_PASSWORD = "demo-password";
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
  /**
   * Generate in a worker thread running this file (seed-demo-worker.ts) while
   * this thread writes: about twice as fast on two cores. The file must be
   * loadable by the runtime (the CLI runs under tsx); rows are identical.
   */
  workerFile?: string;
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
  const password = options.password ?? getEnv().DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
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
    const input = { scale, anchorMs: anchor.getTime(), passwordHash };
    // The small tables go in with their indexes; the scaled ones without (PostgreSQL).
    const onStep = (step: string, rows: number) => {
      progress(step, rows);
      if (step !== "directory") return;
      bulkLoad = writer.beginBulkLoad(BULK_TABLES);
      bulkLoad.catch(() => undefined); // awaited by the next insert; not unhandled meanwhile
    };
    let bulkLoad: Promise<void> = Promise.resolve();
    const sink: RowSink = {
      formatTimestamp: writer.formatTimestamp,
      insert: async (table, columns, rows) => {
        await bulkLoad;
        await writer.insert(table, columns, rows);
      },
    };
    result.counts = options.workerFile
      ? await generateDemoDataInWorker(
          {
            provider: writer.provider,
            insertEncoded: async (table, columns, encoded) => {
              await bulkLoad;
              await writer.insertEncoded(table, columns, encoded);
            },
          },
          input,
          options.workerFile,
          onStep,
        )
      : await generateDemoData(sink, input, onStep);
    await bulkLoad;

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
