"use client";
// Records a new data-subject access request; the server computes its due day.
import { useId, useState, type FormEvent } from "react";
import { FieldError } from "@/components/compliance/field-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ApiError } from "@/lib/client/api-error";
import type { DataSubjectRequestResponse } from "@/lib/privacy/schemas";
import { useCreateDataSubjectRequest } from "./use-create-data-subject-request";

const todayUtc = () => new Date().toISOString().slice(0, 10);

export function CreateDataSubjectRequestForm({
  orgId,
  onCreated,
}: {
  orgId: string;
  onCreated: (request: DataSubjectRequestResponse) => void;
}) {
  const id = useId();
  const create = useCreateDataSubjectRequest(orgId);
  const [values, setValues] = useState({
    subjectEmail: "",
    subjectIdentifiers: "",
    receivedOn: todayUtc(),
    verificationMethod: "",
    verifiedBy: "",
    notes: "",
  });
  const errors = create.error instanceof ApiError ? create.error.fields : {};
  const errorFor = (name: string) =>
    Object.entries(errors)
      .filter(([path]) => path === name || path.startsWith(`${name}.`))
      .flatMap(([, messages]) => messages);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    create.mutate(
      {
        ...values,
        subjectIdentifiers: values.subjectIdentifiers
          .split(/[\n,]/)
          .map((value) => value.trim())
          .filter(Boolean),
      },
      { onSuccess: onCreated },
    );
  };

  const field = (name: keyof typeof values, label: string, props: { type?: string; hint?: string } = {}) => {
    const inputId = `${id}-${name}`;
    const messages = errorFor(name);
    return (
      <div>
        <Label htmlFor={inputId}>{label}</Label>
        <Input
          id={inputId}
          type={props.type ?? "text"}
          className="mt-1"
          value={values[name]}
          aria-invalid={messages.length > 0 ? true : undefined}
          aria-describedby={`${inputId}-hint ${inputId}-error`}
          onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
        />
        {props.hint ? (
          <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-500">
            {props.hint}
          </p>
        ) : null}
        <FieldError id={`${inputId}-error`} messages={messages.length > 0 ? messages : undefined} />
      </div>
    );
  };

  return (
    <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="New data-subject request">
      {field("subjectEmail", "Subject email", { type: "email" })}
      {field("subjectIdentifiers", "Other identifiers (optional)", {
        hint: "Further addresses or phone numbers, separated by commas",
      })}
      {field("receivedOn", "Received on", { type: "date", hint: "Due one month later (Art. 12(3))" })}
      {field("verificationMethod", "Identity verified how")}
      {field("verifiedBy", "Verified by")}
      {field("notes", "Notes (optional)")}
      {create.error && Object.keys(errors).length === 0 ? (
        <Alert tone="error" title="The request was not recorded" className="sm:col-span-2">
          {create.error.message}
        </Alert>
      ) : null}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Recording…" : "Record request"}
        </Button>
      </div>
    </form>
  );
}
