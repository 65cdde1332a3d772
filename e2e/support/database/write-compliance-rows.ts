// Test-only writes into the run's database for states the UI cannot produce on
// demand, such as a report that failed, or an agent that disappears while a
// form still offers it. Through Prisma, so they work on SQLite and PostgreSQL
// alike (runs in the database thread, see database-thread.ts).
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { reportFailureMessages, type ReportFailureCode } from "@/lib/compliance/jobs/report-failure";
import type { Database } from "@/lib/db";

export type FailedReportInput = {
  orgId: string;
  type: "soc2" | "gdpr" | "audit";
  title: string;
  scope: { dateRange?: { from: string; to: string }; agentIds: string[] };
  /** Why it failed, as the engine stores it: a public code and its fixed message. */
  errorCode: ReportFailureCode;
  createdByLabel: string;
  createdAt?: Date;
};

/** A report whose every attempt failed, as the engine leaves it (status failed, public reason kept). */
export async function insertFailedReport(db: Database, input: FailedReportInput): Promise<string> {
  return insertFinishedReport(db, input, "failed");
}

/**
 * A report marked completed, without stored files: enough for the list (its
 * actions, search and order), not for opening or downloading it.
 */
export async function insertCompletedReport(
  db: Database,
  input: Omit<FailedReportInput, "errorCode">,
): Promise<string> {
  return insertFinishedReport(db, input, "completed");
}

async function insertFinishedReport(
  db: Database,
  input: Omit<FailedReportInput, "errorCode"> & { errorCode?: ReportFailureCode },
  status: "failed" | "completed",
): Promise<string> {
  const createdAt = input.createdAt ?? new Date();
  const failed = status === "failed" && input.errorCode ? input.errorCode : null;
  const report = await db.report.create({
    data: {
      id: `e2e_${randomUUID()}`,
      orgId: input.orgId,
      type: input.type,
      title: input.title,
      status,
      scope: input.scope,
      periodFrom: input.scope.dateRange?.from ?? null,
      periodTo: input.scope.dateRange?.to ?? null,
      progress: status === "completed" ? 100 : 0,
      attempts: failed ? 3 : 1,
      maxAttempts: 3,
      errorCode: failed,
      error: failed ? reportFailureMessages[failed] : null,
      createdByType: "user",
      createdById: null,
      createdByLabel: input.createdByLabel,
      createdAt,
      startedAt: createdAt,
      completedAt: createdAt,
    },
    select: { id: true },
  });
  return report.id;
}

/**
 * A pending report some other worker holds for the next hour: it stays
 * pending (no worker of the run claims it) until the test cancels it.
 */
export async function insertHeldReport(
  db: Database,
  input: Pick<FailedReportInput, "orgId" | "title" | "createdByLabel">,
): Promise<string> {
  const now = new Date();
  const report = await db.report.create({
    data: {
      id: `e2e_${randomUUID()}`,
      orgId: input.orgId,
      type: "soc2",
      title: input.title,
      status: "pending",
      scope: { dateRange: { from: "2026-01-01", to: "2026-01-31" }, agentIds: [] },
      periodFrom: "2026-01-01",
      periodTo: "2026-01-31",
      progress: 40,
      attempts: 1,
      maxAttempts: 3,
      leaseOwner: "e2e-elsewhere",
      leaseExpiresAt: new Date(now.getTime() + 60 * 60 * 1000),
      createdByType: "user",
      createdByLabel: input.createdByLabel,
      createdAt: now,
      startedAt: now,
    },
    select: { id: true },
  });
  return report.id;
}

/** A short-lived agent of the org (for a form that picks it before it disappears). */
export async function insertAgent(db: Database, orgId: string, name: string): Promise<{ id: string; name: string }> {
  const id = `e2e_agent_${randomUUID()}`;
  await db.agent.create({
    data: {
      id,
      orgId,
      name,
      emailAddress: `${id}@agents.test`,
      status: "active",
      allowedTools: [],
      allowedRecipientDomains: [],
      dailySendLimit: 10,
    },
    select: { id: true },
  });
  return { id, name };
}

export async function deleteAgent(db: Database, id: string): Promise<void> {
  await db.agent.delete({ where: { id }, select: { id: true } });
}

/**
 * Sign-ins by `count` distinct accounts yesterday (every third one failed), for
 * populations and breakdowns longer than a page: more users than a chart draws,
 * more rows than a printout shows. Written through the app's audit writer.
 */
export async function insertSignIns(db: Database, orgId: string, count: number): Promise<void> {
  const now = new Date();
  const yesterday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1, 12);
  for (let index = 0; index < count; index++) {
    const isFailure = index % 3 === 0;
    await recordAuditEvent(
      {
        orgId,
        actorType: "user",
        actorId: `e2e_user_${randomUUID()}`,
        actorLabel: `signin-${String(index).padStart(3, "0")}@acme.test`,
        action: isFailure ? "auth.login_failed" : "auth.login",
        category: "authentication",
        ...(isFailure ? { outcome: "failure" as const } : {}),
        occurredAt: new Date(yesterday + index * 1000),
      },
      db,
    );
  }
}

/** Changes one stored audit event behind the chain's back, as someone with database access could. */
export async function tamperAuditEvent(db: Database, orgId: string, seq: number): Promise<void> {
  const changed = await db.auditEvent.updateMany({ where: { orgId, seq }, data: { outcome: "failure" } });
  if (changed.count !== 1) throw new Error(`The org has no audit event ${seq}`);
}
