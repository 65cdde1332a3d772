// Records a data-subject access request with its one-month due day, audited
// in the same transaction. A request received in the future is refused.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import { AppError } from "@/lib/errors/app-error";
import { computeDueDate } from "./compute-due-date";
import { startOfUtcDay } from "./deadline-state";
import { clockOf, privacyDatabaseOf, type PrivacyContext } from "./privacy-context";
import type { CreateDataSubjectRequestBody, DataSubjectRequestResponse } from "./schemas";
import { dataSubjectRequestSelect, toDataSubjectRequestResponse } from "./to-data-subject-request-response";

export async function createDataSubjectRequest(
  ctx: PrivacyContext,
  body: CreateDataSubjectRequestBody,
): Promise<DataSubjectRequestResponse> {
  const { identity } = ctx;
  const clock = clockOf(ctx);
  const receivedAt = new Date(`${body.receivedOn}T00:00:00.000Z`);
  if (receivedAt > startOfUtcDay(clock.now())) {
    throw new AppError("validation_failed", "The request is invalid", {
      fields: { receivedOn: ["receivedOn cannot be in the future"] },
    });
  }
  const identifiers = body.subjectIdentifiers.filter((value) => value !== body.subjectEmail);
  const actor = describeActor(identity);
  const created = await privacyDatabaseOf(ctx).$transaction(async (tx) => {
    const request = await tx.dataSubjectRequest.create({
      data: {
        orgId: identity.orgId,
        subjectEmail: body.subjectEmail,
        subjectIdentifiers: identifiers,
        subjectSearch: [body.subjectEmail, ...identifiers].join("\n"),
        receivedAt,
        verificationMethod: body.verificationMethod,
        verifiedBy: body.verifiedBy,
        dueAt: computeDueDate(receivedAt),
        notes: body.notes,
        createdByLabel: actor.actorLabel,
      },
      select: dataSubjectRequestSelect,
    });
    await recordAuditEvent(
      {
        orgId: identity.orgId,
        ...actor,
        ip: ctx.ip ?? null,
        action: "data_subject_request.created",
        category: "compliance",
        targetType: "data_subject_request",
        targetId: request.id,
        metadata: {
          receivedOn: body.receivedOn,
          dueOn: request.dueAt.toISOString().slice(0, 10),
          verificationMethod: body.verificationMethod,
          verifiedBy: body.verifiedBy,
          identifiers: identifiers.length + 1,
        },
      },
      tx,
    );
    return request;
  }, chainTransactionOptions);
  return toDataSubjectRequestResponse(created, clock);
}
