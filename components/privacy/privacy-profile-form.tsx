"use client";
// The org's privacy profile: admins edit it, auditors read it. Data-subject
// access reports quote it (controller, DPO, where to complain).
import { useId, useState, type FormEvent } from "react";
import { FieldError } from "@/components/compliance/field-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ApiError } from "@/lib/client/api-error";
import type { PrivacyProfileResponse } from "@/lib/privacy/schemas";
import { usePrivacyProfile } from "./use-privacy-profile";
import { useSavePrivacyProfile, type PrivacyProfileInput } from "./use-save-privacy-profile";

const fields: { name: keyof PrivacyProfileInput; label: string; isRequired: boolean; type?: string }[] = [
  { name: "controllerName", label: "Controller name", isRequired: true },
  { name: "controllerContact", label: "Controller contact", isRequired: true },
  { name: "dpoContact", label: "Data protection officer contact", isRequired: false },
  { name: "supervisoryAuthorityName", label: "Supervisory authority", isRequired: true },
  { name: "supervisoryAuthorityUrl", label: "Supervisory authority website", isRequired: false, type: "url" },
];

export function PrivacyProfileForm({
  orgId,
  initialProfile,
  canEdit,
}: {
  orgId: string;
  initialProfile: PrivacyProfileResponse;
  canEdit: boolean;
}) {
  const id = useId();
  const { data: profile = initialProfile } = usePrivacyProfile(orgId, initialProfile);
  const save = useSavePrivacyProfile(orgId);
  const [values, setValues] = useState<PrivacyProfileInput>(() => ({
    controllerName: profile.controllerName,
    controllerContact: profile.controllerContact,
    dpoContact: profile.dpoContact ?? "",
    supervisoryAuthorityName: profile.supervisoryAuthorityName,
    supervisoryAuthorityUrl: profile.supervisoryAuthorityUrl ?? "",
  }));
  const fieldErrors = save.error instanceof ApiError ? save.error.fields : {};

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!save.isPending) save.mutate(values);
  };

  return (
    <Card className="p-4 sm:p-6">
      <form onSubmit={submit} noValidate className="grid max-w-2xl gap-4">
        {fields.map((field) => {
          const inputId = `${id}-${field.name}`;
          const errorId = `${inputId}-error`;
          const messages = fieldErrors[field.name];
          return (
            <div key={field.name}>
              <Label htmlFor={inputId}>
                {field.label} {field.isRequired ? null : <span className="font-normal text-slate-500">(optional)</span>}
              </Label>
              <Input
                id={inputId}
                type={field.type ?? "text"}
                className="mt-1"
                value={values[field.name]}
                readOnly={!canEdit}
                required={field.isRequired}
                aria-invalid={messages ? true : undefined}
                aria-describedby={messages ? errorId : undefined}
                onChange={(event) => setValues((current) => ({ ...current, [field.name]: event.target.value }))}
              />
              <FieldError id={errorId} messages={messages} />
            </div>
          );
        })}
        {save.isSuccess ? <Alert tone="success" title="Privacy profile saved" /> : null}
        {save.error && Object.keys(fieldErrors).length === 0 ? (
          <Alert tone="error" title="Not saved">
            {save.error.message}
          </Alert>
        ) : null}
        {canEdit ? (
          <div>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save privacy profile"}
            </Button>
          </div>
        ) : (
          <p className="text-sm text-slate-600">Only admins can change the privacy profile.</p>
        )}
        {profile.updatedAt ? (
          <p className="text-xs text-slate-500">
            Last saved {profile.updatedAt.slice(0, 10)} by {profile.updatedBy}
          </p>
        ) : null}
      </form>
    </Card>
  );
}
