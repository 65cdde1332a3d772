"use client";
// The Generate tab: report type, then the fields that type asks for (from the
// catalogue), Generate Report. Client checks mirror the server's; server field
// errors land next to the same fields.
import Link from "next/link";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { changeGenerateFormType } from "@/components/compliance/change-generate-form-type";
import { describedBy } from "@/components/compliance/described-by";
import { FieldError } from "@/components/compliance/field-error";
import { GenerateAgentField } from "@/components/compliance/generate-agent-field";
import type { GenerateFormValues } from "@/components/compliance/generate-form-values";
import { GeneratePeriodFields } from "@/components/compliance/generate-period-fields";
import type { ReportResource, ReportType } from "@/components/compliance/report-resource";
import { useReportTypeCatalogue } from "@/components/compliance/report-type-catalogue-context";
import { findReportTypeOption, type ReportFormField } from "@/components/compliance/report-type-options";
import { useGenerateReport } from "@/components/compliance/use-generate-report";
import {
  mapServerFieldErrors,
  validateGenerateForm,
  type GenerateFormErrors,
} from "@/components/compliance/validate-generate-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { ApiError } from "@/lib/client/api-error";

const selectClasses =
  "block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none";

export function GenerateReportForm({
  initialValues,
  onGenerated,
}: {
  initialValues: GenerateFormValues;
  onGenerated: (report: ReportResource) => void;
}) {
  const id = useId();
  const catalogue = useReportTypeCatalogue();
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<GenerateFormErrors>({});
  const generate = useGenerateReport();
  const formRef = useRef<HTMLFormElement>(null);
  // Bumped whenever a submit is refused: focus then moves to the first field to fix,
  // whose message is its description, so a screen reader says what is wrong.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    const form = formRef.current;
    if (refusals === 0 || !form) return;
    // A refusal no field explains is an alert (role="alert"): announced where focus stays.
    const focusInvalid = () => {
      const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
      invalid?.focus();
      return invalid !== null;
    };
    if (focusInvalid()) return;
    // The field may still be loading (the agents list): focus it once it renders.
    const observer = new MutationObserver(() => {
      if (focusInvalid()) observer.disconnect();
    });
    observer.observe(form, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-invalid"] });
    const giveUp = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      clearTimeout(giveUp);
      observer.disconnect();
    };
  }, [refusals]);

  const refuse = (next: GenerateFormErrors) => {
    setErrors(next);
    setRefusals((count) => count + 1);
  };

  const option = findReportTypeOption(catalogue, values.type);
  const fieldIds = { type: `${id}-type`, typeHelp: `${id}-type-help`, typeError: `${id}-type-error` };

  const clearErrors = (fields: (keyof GenerateFormErrors)[]) =>
    setErrors((current) => {
      const next = { ...current };
      for (const field of [...fields, "form" as const]) delete next[field];
      return next;
    });

  const update = (patch: Partial<GenerateFormValues>, clear: (keyof GenerateFormErrors)[]) => {
    setValues((current) => ({ ...current, ...patch }));
    clearErrors(clear);
  };

  const changeType = (type: ReportType) => {
    const next = changeGenerateFormType(values, type, catalogue);
    setValues(next);
    const isPeriodReset = next.from !== values.from || next.to !== values.to;
    clearErrors(["type", "agent", ...(isPeriodReset ? (["from", "to"] as const) : [])]);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (generate.isPending) return;
    const checked = validateGenerateForm(values, catalogue);
    if (checked.errors) {
      refuse(checked.errors);
      return;
    }
    setErrors({});
    generate.mutate(checked.input, {
      onSuccess: (report) => onGenerated(report),
      onError: (error) => {
        if (error instanceof ApiError) {
          const mapped = mapServerFieldErrors(error.fields, catalogue);
          // The message itself matters when no field explains it (403, 409, 500…).
          if (Object.keys(mapped).length === 0) mapped.form = [error.message];
          refuse(mapped);
        } else {
          refuse({ form: [`Could not reach the server: ${error.message}`] });
        }
      },
    });
  };

  const renderField = (field: ReportFormField) => {
    switch (field.kind) {
      case "period":
        return (
          <GeneratePeriodFields
            key={`${field.kind}-${field.name}`}
            idPrefix={id}
            from={values.from}
            to={values.to}
            errors={errors}
            onChange={(period) => update(period, ["from", "to"])}
          />
        );
      case "agent":
      case "agents":
        return (
          <GenerateAgentField
            key={`${field.kind}-${field.name}`}
            idPrefix={id}
            field={field}
            agentIds={values.agentIds}
            errors={errors.agent}
            onChange={(agentIds) => update({ agentIds }, ["agent"])}
          />
        );
      case "data_subject_request":
        return (
          <Alert key={`${field.kind}-${field.name}`} tone="info" title="Generated from a request">
            A data-subject access report answers one recorded request. Open it on the{" "}
            <Link href="/dashboard/compliance/requests" className="font-medium underline">
              Data-subject requests
            </Link>{" "}
            page and choose Generate report there.
          </Alert>
        );
    }
  };

  return (
    <Card className="p-4 sm:p-6">
      <form ref={formRef} onSubmit={submit} noValidate className="grid max-w-3xl gap-5">
        <div>
          <Label htmlFor={fieldIds.type}>Report Type</Label>
          <select
            id={fieldIds.type}
            value={values.type}
            onChange={(event) => changeType(event.target.value as ReportType)}
            aria-invalid={Boolean(errors.type) || undefined}
            aria-describedby={describedBy(fieldIds.typeHelp, errors.type && fieldIds.typeError)}
            className={`${selectClasses} mt-1 sm:max-w-sm`}
          >
            {catalogue.map((candidate) => (
              <option key={candidate.type} value={candidate.type}>
                {candidate.label}
              </option>
            ))}
          </select>
          <p id={fieldIds.typeHelp} className="mt-1 text-sm text-slate-600">
            {option?.description}
          </p>
          <FieldError id={fieldIds.typeError} messages={errors.type} />
        </div>

        {option?.form.map(renderField)}

        {errors.form ? (
          <Alert tone="error" title="The report was not generated">
            <ul className="list-inside list-disc">
              {errors.form.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </Alert>
        ) : null}

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={generate.isPending} aria-disabled={generate.isPending}>
            {generate.isPending ? "Generating…" : "Generate Report"}
          </Button>
          <p className="text-sm text-slate-600">
            The report is built on the server; you can follow it in the Reports tab.
          </p>
        </div>
      </form>
    </Card>
  );
}
