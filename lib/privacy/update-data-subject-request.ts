// Changes a request's status, extension, notes or redaction, each change one
// audit event in the same transaction. A closed request keeps its status and
// deadline (its notes may still change); an extension is decided within the
// first month (Art. 12(3)) and only ever lengthens the deadline.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent, type AuditEventInput } from "@/lib/audit/record-audit-event";
import { lockAuditChain } from "@/lib/audit/lock-audit-chain";
import { describeActor } from "@/lib/auth/identity";
import { AppError } from "@/lib/errors/app-error";
import { notFound } from "@/lib/errors/not-found";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { computeDueDate } from "./compute-due-date";
import { startOfUtcDay } from "./deadline-state";
import { clockOf, privacyDatabaseOf, type PrivacyContext } from "./privacy-context";
import type { DataSubjectRequestResponse, UpdateDataSubjectRequestBody } from "./schemas";
import { dataSubjectRequestSelect, toDataSubjectRequestResponse } from "./to-data-subject-request-response";

type Change = Pick<AuditEventInput, "action" | "metadata">;

export async function updateDataSubjectRequest(
  ctx: PrivacyContext,
  id: string,
  body: UpdateDataSubjectRequestBody,
): Promise<DataSubjectRequestResponse> {
  const { identity } = ctx;
  const clock = clockOf(ctx);
  const now = clock.now();
  const actor = describeActor(identity);
  const updated = await privacyDatabaseOf(ctx).$transaction(async (tx) => {
    // The chain first, before any read: on SQLite also the write lock (see lockAuditChain).
    await lockAuditChain(tx, identity.orgId);
    const request = await tx.dataSubjectRequest.findFirst({
      where: { id, orgId: identity.orgId },
      select: dataSubjectRequestSelect,
    });
    if (!request) throw notFound("Data-subject request");
    const isClosed = request.status === "fulfilled" || request.status === "refused";
    const data: Prisma.DataSubjectRequestUpdateInput = {};
    const changes: Change[] = [];

    if ((body.status || body.extension) && isClosed) {
      throw new AppError("conflict", `This request is already ${request.status}; its status and deadline are final`);
    }
    if (body.extension) {
      const { months, reason } = body.extension;
      if (months <= request.extensionMonths) {
        throw new AppError("validation_failed", "The request is invalid", {
          fields: { "extension.months": [`The request is already extended by ${request.extensionMonths} month(s)`] },
        });
      }
      const originalDue = computeDueDate(request.receivedAt);
      if (startOfUtcDay(now) > originalDue) {
        throw new AppError(
          "conflict",
          `An extension must be decided within one month of receipt (by ${originalDue.toISOString().slice(0, 10)})`,
        );
      }
      const dueAt = computeDueDate(request.receivedAt, months);
      Object.assign(data, { extensionMonths: months, extensionReason: reason, dueAt, status: "extended" });
      changes.push({
        action: "data_subject_request.extended",
        metadata: {
          months,
          reason,
          dueBefore: request.dueAt.toISOString().slice(0, 10),
          dueAfter: dueAt.toISOString().slice(0, 10),
        },
      });
    }
    if (body.status) {
      Object.assign(data, {
        status: body.status,
        closedAt: now,
        refusalReason: body.status === "refused" ? body.refusalReason : null,
      });
      changes.push({
        action: `data_subject_request.${body.status}`,
        metadata: {
          statusBefore: request.status,
          onTime: startOfUtcDay(now) <= request.dueAt,
          ...(body.status === "refused" ? { reason: body.refusalReason } : {}),
        },
      });
    }
    if (body.notes !== undefined && body.notes !== request.notes) {
      data.notes = body.notes;
      changes.push({ action: "data_subject_request.notes_updated", metadata: { length: body.notes.length } });
    }
    if (body.redaction && body.redaction.enabled !== request.redactThirdParties) {
      const { enabled, reason } = body.redaction;
      Object.assign(data, { redactThirdParties: enabled, redactionOffReason: enabled ? null : reason });
      changes.push({
        action: enabled ? "data_subject_request.redaction_enabled" : "data_subject_request.redaction_disabled",
        metadata: enabled ? { previousReason: request.redactionOffReason } : { reason },
      });
    }
    if (changes.length === 0) return request;

    const saved = await tx.dataSubjectRequest.update({
      where: { id: request.id },
      data,
      select: dataSubjectRequestSelect,
    });
    for (const change of changes) {
      await recordAuditEvent(
        {
          orgId: identity.orgId,
          ...actor,
          ip: ctx.ip ?? null,
          category: "compliance",
          targetType: "data_subject_request",
          targetId: request.id,
          ...change,
        },
        tx,
      );
    }
    return saved;
  }, chainTransactionOptions);
  return toDataSubjectRequestResponse(updated, clock);
}
