// Helpers for compliance engine/API tests: identities, agents, a fake report
// definition (the engine is tested apart from the real builders), and reading
// a report's stored download back as bytes.
import { createHash } from "node:crypto";
import type { Identity, SessionIdentity } from "@/lib/auth/identity";
import type { ReportDefinition, ReportRow } from "@/lib/compliance/reports/report-definition";
import type { ReportDefinitions } from "@/lib/compliance/jobs/run-report-job";
import { db } from "@/lib/db";
import type { TestOrg, TestRole } from "./fixtures";

export function sessionIdentity(org: TestOrg, role: TestRole = "admin"): SessionIdentity {
  const user = org[role];
  return { kind: "session", userId: user.id, email: user.email, name: user.name, orgId: org.orgId, role };
}

export function apiKeyIdentity(org: TestOrg, scopes: ("reports:read" | "reports:write")[]): Identity {
  return { kind: "api_key", apiKeyId: `key-${org.orgId}`, orgId: org.orgId, scopes, label: "Test key (att_test…)" };
}

export async function createTestAgent(orgId: string, name: string): Promise<{ id: string; name: string }> {
  const suffix = Math.random().toString(36).slice(2, 10);
  return db.agent.create({
    data: {
      orgId,
      name,
      emailAddress: `agent-${suffix}@agents.test`,
      allowedTools: ["send_email"],
      allowedRecipientDomains: ["example.com"],
      dailySendLimit: 100,
    },
    select: { id: true, name: true },
  });
}

/** Another worker re-claims the report after its lease lapsed: a new owner ("worker-new") and attempt. */
export async function takeOverLease(reportId: string): Promise<void> {
  await db.report.update({
    where: { id: reportId },
    data: { leaseOwner: "worker-new", attempts: { increment: 1 }, leaseExpiresAt: new Date(Date.now() + 60_000) },
  });
}

/** Values a spreadsheet would execute, and other awkward cells. */
export const hostileCells = [
  "=1+1",
  "+SUM(A1)",
  "-2+3",
  "@cmd",
  "\tTAB",
  "\rCR",
  '=HYPERLINK("x")\nsecond line',
  'a "quoted", value',
];

export const fakeColumns = ["id", "occurredAt", "note", "count", "meta"] as const;

/** A definition with a known population of `rows` rows (plus hostile cells in a second table). */
export function fakeDefinitions(
  options: {
    rows?: number;
    onBuild?: (reportId: string) => Promise<void>;
    throwWith?: string;
    badColumn?: boolean;
  } = {},
): ReportDefinitions {
  const rowCount = options.rows ?? 50;
  const definition: ReportDefinition = {
    type: "soc2",
    csvColumns: fakeColumns,
    async build(ctx, output) {
      await output.writeManifest([
        { source: "fake_events", filter: `orgId = ${ctx.report.orgId}`, rowCount, first: null, last: null },
      ]);
      await output.startSection("events", {
        title: "Events",
        description: "Generated rows",
        criteria: ["CC6.1"],
        summary: { total: rowCount },
      });
      await output.writeTable("all", generateRows(rowCount));
      await options.onBuild?.(ctx.report.id);
      if (options.throwWith) throw new Error(options.throwWith);
      await output.reportProgress(50);
      await output.writeTable(
        "hostile",
        hostileCells.map((note, index) => ({ id: `h${index}`, note, meta: { nested: [note] } })),
      );
      if (options.badColumn) await output.writeTable("bad", [{ id: "x", notAColumn: 1 }]);
      await output.endSection();
      await output.startSection("empty", { title: "Nothing", description: "", criteria: [], summary: {} });
      await output.writeTable("none", []);
      await output.endSection();
    },
  };
  return { soc2: definition, audit: { ...definition, type: "audit" }, gdpr: { ...definition, type: "gdpr" } };
}

function* generateRows(count: number): Generator<ReportRow> {
  for (let index = 0; index < count; index++) {
    yield {
      id: `row-${String(index).padStart(6, "0")}`,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
      note: `Note ${index} — ünïcödé, "quotes", commas`,
      count: index,
      meta: index % 2 ? { even: false, tags: ["a", "b"] } : null,
    };
  }
}

export async function readStream(stream: ReadableStream<Uint8Array> | null): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return Buffer.concat(parts);
}

export function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
