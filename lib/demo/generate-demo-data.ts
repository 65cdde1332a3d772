// Generates every demo row into a sink, table by table in foreign-key order:
// the directory (orgs, users, agents, rules, secrets, GDPR records), then the
// scaled streams. Pure generation: the sink decides where the rows go (the
// database directly, or the main thread when this runs in a worker).
import { buildDemoDirectory } from "@/lib/demo/build-demo-directory";
import { createRandom } from "@/lib/demo/create-random";
import { demoTableColumns, type DemoTable } from "@/lib/demo/demo-tables";
import { getDemoVolumes } from "@/lib/demo/get-demo-volumes";
import type { RowSink, SqlValue } from "@/lib/demo/open-bulk-writer";
import { writeDemoAuditEvents } from "@/lib/demo/write-demo-audit-events";
import { writeDemoEmails } from "@/lib/demo/write-demo-emails";
import { writeDemoQueryLogs } from "@/lib/demo/write-demo-query-logs";
import { writeDemoSharingRecords } from "@/lib/demo/write-demo-sharing-records";

const SEED = "attest-demo-v1";

export type DemoGenerationInput = { scale: number; anchorMs: number; passwordHash: string };
export type DemoCounts = Partial<Record<DemoTable, number>>;
/** Called after each step; `phase` "directory" marks the end of the small tables. */
export type DemoStepListener = (step: string, rows: number) => void;

export async function generateDemoData(
  sink: RowSink,
  input: DemoGenerationInput,
  onStep: DemoStepListener = () => undefined,
): Promise<DemoCounts> {
  const volumes = getDemoVolumes(input.scale);
  const counts: DemoCounts = {};
  const random = createRandom(SEED);

  const dir = buildDemoDirectory(random.fork("directory"), input.anchorMs, input.passwordHash, sink.formatTimestamp);
  for (const [table, rows] of Object.entries(dir.rows) as [keyof typeof dir.rows, Record<string, SqlValue>[]][]) {
    const columns = demoTableColumns[table];
    await sink.insert(
      table,
      columns,
      rows.map((row) => columns.map((c) => row[c] ?? null)),
    );
    counts[table] = rows.length;
  }
  onStep(
    "directory",
    Object.values(dir.rows).reduce((n, rows) => n + rows.length, 0),
  );

  const mail = await writeDemoEmails(sink, random.fork("emails"), dir, volumes);
  counts.Email = mail.emails;
  counts.DlpViolation = mail.violations;
  onStep("emails", mail.emails + mail.violations);

  const audit = await writeDemoAuditEvents(sink, random.fork("audit"), dir, volumes);
  counts.AuditEvent = audit.auditEvents;
  counts.VaultAccess = audit.vaultAccesses;
  onStep("audit events", audit.auditEvents + audit.vaultAccesses);

  counts.QueryLog = await writeDemoQueryLogs(sink, random.fork("queries"), dir, volumes);
  counts.DataSharingRecord = await writeDemoSharingRecords(sink, random.fork("sharing"), dir, volumes);
  onStep("query logs and sharing records", counts.QueryLog + counts.DataSharingRecord);
  return counts;
}
