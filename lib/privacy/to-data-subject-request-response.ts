// A stored request as the API answers it, with its deadline read on `clock`.
import type { Clock } from "./clock";
import { computeDueDate } from "./compute-due-date";
import { describeDeadline } from "./deadline-state";
import type { DataSubjectRequestResponse, DataSubjectRequestStatus } from "./schemas";

export const dataSubjectRequestSelect = {
  id: true,
  subjectEmail: true,
  subjectIdentifiers: true,
  receivedAt: true,
  verificationMethod: true,
  verifiedBy: true,
  dueAt: true,
  extensionMonths: true,
  extensionReason: true,
  status: true,
  refusalReason: true,
  closedAt: true,
  notes: true,
  redactThirdParties: true,
  redactionOffReason: true,
  lastReportId: true,
  createdByLabel: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type StoredDataSubjectRequest = {
  id: string;
  subjectEmail: string;
  subjectIdentifiers: unknown;
  receivedAt: Date;
  verificationMethod: string;
  verifiedBy: string;
  dueAt: Date;
  extensionMonths: number;
  extensionReason: string | null;
  status: string;
  refusalReason: string | null;
  closedAt: Date | null;
  notes: string;
  redactThirdParties: boolean;
  redactionOffReason: string | null;
  lastReportId: string | null;
  createdByLabel: string;
  createdAt: Date;
  updatedAt: Date;
};

const day = (instant: Date) => instant.toISOString().slice(0, 10);

export function toDataSubjectRequestResponse(
  request: StoredDataSubjectRequest,
  clock: Clock,
): DataSubjectRequestResponse {
  return {
    id: request.id,
    subject: { email: request.subjectEmail, identifiers: identifiersOf(request.subjectIdentifiers) },
    receivedOn: day(request.receivedAt),
    verification: { method: request.verificationMethod, verifiedBy: request.verifiedBy },
    originalDueOn: day(computeDueDate(request.receivedAt)),
    dueOn: day(request.dueAt),
    extension:
      request.extensionMonths > 0 ? { months: request.extensionMonths, reason: request.extensionReason ?? "" } : null,
    status: request.status as DataSubjectRequestStatus,
    refusalReason: request.refusalReason,
    closedAt: request.closedAt?.toISOString() ?? null,
    deadline: describeDeadline(request, clock),
    notes: request.notes,
    redaction: { enabled: request.redactThirdParties, offReason: request.redactionOffReason },
    lastReportId: request.lastReportId,
    createdBy: request.createdByLabel,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
  };
}

/** The stored JSON array of further identifiers, as strings. */
export function identifiersOf(value: unknown): string[] {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === "string") : [];
}
