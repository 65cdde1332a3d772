// Queues a report after checking the request against the caller's org: the row (status pending) is the job a worker will claim.
// The audit event is written in the same transaction, so a report never
// exists without the record of who asked for it.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { prepareReportRequest } from "@/lib/compliance/requests/prepare-report-request";
import type { ReportType } from "@/lib/compliance/reports/registry";
import type { ReportRequestBody } from "@/lib/compliance/reports/report-type-definition";
import { signalReportQueued } from "@/lib/compliance/jobs/signal-report-queued";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import {
  reportResponseSelect,
  toReportResponse,
  type ReportResponse,
} from "@/lib/compliance/requests/to-report-response";

export const defaultMaxAttempts = 3;

/** When a refused caller may try again: about as long as a worker takes to clear a typical report. */
const pendingCapRetryAfterSeconds = 60;

export async function createReport(
  ctx: ComplianceContext,
  type: ReportType,
  body: ReportRequestBody,
): Promise<ReportResponse> {
  const { identity } = ctx;
  const request = await prepareReportRequest(ctx, type, body);
  const actor = describeActor(identity);
  const maxPending = getEnv().REPORT_MAX_PENDING_PER_ORG;
  const db = databaseOf(ctx);
  // One org cannot fill the shared queue. A soft cap: counted before the
  // transaction, which on SQLite must write first (a read-then-write
  // transaction fails when a worker committed in between); two concurrent
  // requests may both pass at the edge, which a cap on a queue can afford.
  const pending = await db.report.count({ where: { orgId: identity.orgId, status: "pending" } });
  if (pending >= maxPending) {
    throw new AppError(
      "rate_limited",
      `This organization already has ${pending} reports waiting; request more once some have finished`,
      { limit: maxPending, retryAfterSeconds: pendingCapRetryAfterSeconds },
    );
  }
  const report = await db.$transaction(async (tx) => {
    const created = await tx.report.create({
      data: {
        orgId: identity.orgId,
        type: request.type,
        title: request.title,
        status: "pending",
        scope: request.scope,
        maxAttempts: defaultMaxAttempts,
        createdByType: actor.actorType,
        createdById: actor.actorId,
        createdByLabel: actor.actorLabel,
        createdAt: new Date(),
      },
      select: reportResponseSelect,
    });
    await recordAuditEvent(
      {
        orgId: identity.orgId,
        ...actor,
        ip: ctx.ip ?? null,
        action: "compliance.report_requested",
        category: "compliance",
        targetType: "report",
        targetId: created.id,
        agentId: request.scope.agentIds.length === 1 ? request.scope.agentIds[0] : null,
        metadata: { type: request.type, title: request.title, scope: request.scope },
      },
      tx,
    );
    return created;
  });
  signalReportQueued();
  return toReportResponse(report);
}
