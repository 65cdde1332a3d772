"use client";
// One request: its facts and deadline, and (for admins) what can be done with
// it — generate its report, extend, fulfil, refuse, turn redaction off or on.
import Link from "next/link";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ApiError } from "@/lib/client/api-error";
import type { DataSubjectRequestResponse } from "@/lib/privacy/schemas";
import { DeadlineBadge } from "./deadline-badge";
import { useGenerateDataSubjectReport } from "./use-generate-data-subject-report";
import { useUpdateDataSubjectRequest, type UpdateDataSubjectRequestInput } from "./use-update-data-subject-request";

const selectClasses =
  "mt-1 block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm";

export function DataSubjectRequestDetail({
  orgId,
  request,
  canWrite,
}: {
  orgId: string;
  request: DataSubjectRequestResponse;
  canWrite: boolean;
}) {
  const id = useId();
  const update = useUpdateDataSubjectRequest(orgId, request.id);
  const generate = useGenerateDataSubjectReport(orgId, request.id);
  const [extensionMonths, setExtensionMonths] = useState(String(Math.min((request.extension?.months ?? 0) + 1, 2)));
  const [extensionReason, setExtensionReason] = useState("");
  const [refusalReason, setRefusalReason] = useState("");
  const [redactionReason, setRedactionReason] = useState("");
  const isClosed = request.status === "fulfilled" || request.status === "refused";
  const canExtend = !isClosed && (request.extension?.months ?? 0) < 2;
  const reportId = generate.data?.id ?? request.lastReportId;

  const change = (input: UpdateDataSubjectRequestInput) => update.mutate(input);

  return (
    <Card className="p-4 sm:p-6" aria-labelledby={`${id}-title`}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          Request from {request.subject.email}
        </h2>
        <DeadlineBadge deadline={request.deadline} />
      </div>
      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <Fact label="Status" value={request.status} />
        <Fact label="Received" value={request.receivedOn} />
        <Fact label="Due" value={request.dueOn} />
        <Fact label="Originally due" value={request.originalDueOn} />
        <Fact
          label="Extension"
          value={request.extension ? `${request.extension.months} month(s): ${request.extension.reason}` : "None"}
        />
        <Fact label="Other identifiers" value={request.subject.identifiers.join(", ") || "None"} />
        <Fact
          label="Identity verified"
          value={`${request.verification.method} (by ${request.verification.verifiedBy})`}
        />
        <Fact
          label="Redaction of third parties"
          value={request.redaction.enabled ? "On" : `Off: ${request.redaction.offReason ?? ""}`}
        />
        {request.refusalReason ? <Fact label="Refusal reason" value={request.refusalReason} /> : null}
        {request.notes ? <Fact label="Notes" value={request.notes} /> : null}
      </dl>

      {reportId ? (
        <p className="mt-4 text-sm">
          <Link href={`/dashboard/compliance/reports/${reportId}`} className="font-medium text-sky-700 underline">
            Open the access report
          </Link>
        </p>
      ) : null}

      {update.error ? (
        <Alert tone="error" title="Not changed" className="mt-4">
          {[
            update.error.message,
            ...Object.values(update.error instanceof ApiError ? update.error.fields : {}).flat(),
          ].join(" ")}
        </Alert>
      ) : null}
      {generate.error ? (
        <Alert tone="error" title="The report was not generated" className="mt-4">
          {generate.error.message}
        </Alert>
      ) : null}
      {generate.isSuccess ? (
        <Alert tone="success" title="Access report queued" className="mt-4">
          It is generated in the background; the link above opens it.
        </Alert>
      ) : null}

      {canWrite ? (
        <div className="mt-6 grid gap-6">
          <div>
            <Button onClick={() => generate.mutate()} disabled={generate.isPending}>
              {generate.isPending ? "Generating…" : "Generate access report"}
            </Button>
          </div>

          {canExtend ? (
            <fieldset className="grid gap-3 rounded-md border border-slate-200 p-4 sm:grid-cols-[8rem_1fr_auto] sm:items-end">
              <legend className="px-1 text-sm font-medium text-slate-700">Extend (Art. 12(3))</legend>
              <div>
                <Label htmlFor={`${id}-months`}>Further months</Label>
                <select
                  id={`${id}-months`}
                  className={selectClasses}
                  value={extensionMonths}
                  onChange={(event) => setExtensionMonths(event.target.value)}
                >
                  {[1, 2]
                    .filter((months) => months > (request.extension?.months ?? 0))
                    .map((months) => (
                      <option key={months} value={months}>
                        {months}
                      </option>
                    ))}
                </select>
              </div>
              <div>
                <Label htmlFor={`${id}-extension-reason`}>Reason for the extension</Label>
                <Input
                  id={`${id}-extension-reason`}
                  className="mt-1"
                  value={extensionReason}
                  onChange={(event) => setExtensionReason(event.target.value)}
                />
              </div>
              <Button
                variant="secondary"
                disabled={update.isPending}
                onClick={() => change({ extension: { months: Number(extensionMonths), reason: extensionReason } })}
              >
                Extend
              </Button>
            </fieldset>
          ) : null}

          {!isClosed ? (
            <fieldset className="grid gap-3 rounded-md border border-slate-200 p-4 sm:grid-cols-[auto_1fr_auto] sm:items-end">
              <legend className="px-1 text-sm font-medium text-slate-700">Close the request</legend>
              <Button disabled={update.isPending} onClick={() => change({ status: "fulfilled" })}>
                Mark fulfilled
              </Button>
              <div>
                <Label htmlFor={`${id}-refusal-reason`}>Reason for refusing</Label>
                <Input
                  id={`${id}-refusal-reason`}
                  className="mt-1"
                  value={refusalReason}
                  onChange={(event) => setRefusalReason(event.target.value)}
                />
              </div>
              <Button
                variant="danger"
                disabled={update.isPending}
                onClick={() => change({ status: "refused", refusalReason })}
              >
                Refuse
              </Button>
            </fieldset>
          ) : null}

          <fieldset className="grid gap-3 rounded-md border border-slate-200 p-4 sm:grid-cols-[1fr_auto] sm:items-end">
            <legend className="px-1 text-sm font-medium text-slate-700">Redaction of third parties (Art. 15(4))</legend>
            {request.redaction.enabled ? (
              <>
                <div>
                  <Label htmlFor={`${id}-redaction-reason`}>Reason for turning redaction off</Label>
                  <Input
                    id={`${id}-redaction-reason`}
                    className="mt-1"
                    value={redactionReason}
                    onChange={(event) => setRedactionReason(event.target.value)}
                  />
                </div>
                <Button
                  variant="secondary"
                  disabled={update.isPending}
                  onClick={() => change({ redaction: { enabled: false, reason: redactionReason } })}
                >
                  Turn redaction off
                </Button>
              </>
            ) : (
              <Button
                variant="secondary"
                disabled={update.isPending}
                onClick={() => change({ redaction: { enabled: true } })}
              >
                Turn redaction back on
              </Button>
            )}
          </fieldset>
        </div>
      ) : null}
    </Card>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex gap-2">
      <dt className="font-medium text-slate-600">{label}:</dt>
      <dd className="text-slate-900">{value}</dd>
    </div>
  );
}
