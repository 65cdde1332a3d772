// Queues a report after checking the request against the caller's org: the row (status pending) is the job a worker will claim.
// The audit event is written in the same transaction, so a report never
// exists without the record of who asked for it.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { findKeyedReport } from "@/lib/compliance/requests/find-keyed-report";
import { prepareReportRequest } from "@/lib/compliance/requests/prepare-report-request";
import {
  hashReportRequest,
  requestKeyCaller,
  requestKeyLifetimeMs,
} from "@/lib/compliance/requests/report-request-key";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { reportTypeDefinition, type ReportType } from "@/lib/compliance/reports/registry";
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

/** An Idempotency-Key with the caller it belongs to and the request it is bound to. */
export type ReportRequestKeyContext = { key: string; caller: string; requestHash: string };

export type CreatedReport = { report: ReportResponse; replayed: boolean };

export async function createReport(
  ctx: ComplianceContext,
  type: ReportType,
  body: ReportRequestBody,
  options: { requestKey?: string | null } = {},
): Promise<CreatedReport> {
  const { identity } = ctx;
  const request = await prepareReportRequest(ctx, type, body);
  const keyed: ReportRequestKeyContext | null = options.requestKey
    ? { key: options.requestKey, caller: requestKeyCaller(identity), requestHash: hashReportRequest(type, body) }
    : null;
  if (keyed) {
    const replay = await findKeyedReport(ctx, keyed);
    if (replay) return { report: replay, replayed: true };
  }
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
  const queue = () =>
    db.$transaction(async (tx) => {
      const created = await tx.report.create({
        data: {
          orgId: identity.orgId,
          type: request.type,
          title: request.title,
          status: "pending",
          scope: request.scope,
          periodFrom: request.scope.dateRange?.from ?? null,
          periodTo: request.scope.dateRange?.to ?? null,
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
      await reportTypeDefinition(request.type).onQueued?.(request.scope, {
        tx,
        orgId: identity.orgId,
        reportId: created.id,
      });
      if (keyed) {
        // A key past its 24 hours is free again; a live one makes this insert
        // fail, which two requests racing with one key resolve below.
        await tx.reportRequestKey.deleteMany({
          where: {
            orgId: identity.orgId,
            caller: keyed.caller,
            key: keyed.key,
            createdAt: { lt: new Date(Date.now() - requestKeyLifetimeMs) },
          },
        });
        await tx.reportRequestKey.create({
          data: { orgId: identity.orgId, ...keyed, reportId: created.id },
          select: { id: true },
        });
      }
      return created;
    }, chainTransactionOptions);
  let report: Awaited<ReturnType<typeof queue>>;
  try {
    report = await queue();
  } catch (error) {
    // Another request with the same key committed first: answer its report.
    const replay = keyed && isUniqueViolation(error) ? await findKeyedReport(ctx, keyed) : null;
    if (replay) return { report: replay, replayed: true };
    throw error;
  }
  signalReportQueued();
  return { report: toReportResponse(report), replayed: false };
}
