"use client";
// The Generate tab: report type, scope (dates and/or agents), Generate Report.
// Client checks mirror the server's; server field errors land next to the same fields.
import { useId, useState, type FormEvent } from "react";
import { AgentCheckboxList } from "@/components/compliance/agent-checkbox-list";
import { AgentSelect } from "@/components/compliance/agent-select";
import { ApiError } from "@/lib/client/api-error";
import { FieldError } from "@/components/compliance/field-error";
import type { GenerateFormValues } from "@/components/compliance/generate-form-values";
import type { ReportResource, ReportType } from "@/components/compliance/report-resource";
import { reportTypeOption, reportTypeOptions } from "@/components/compliance/report-type-options";
import { useAgents } from "@/components/compliance/use-agents";
import { useGenerateReport } from "@/components/compliance/use-generate-report";
import {
  mapServerFieldErrors,
  validateGenerateForm,
  type GenerateFormErrors,
} from "@/components/compliance/validate-generate-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const selectClasses =
  "block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none";

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter(Boolean).join(" ");
  return present || undefined;
}

export function GenerateReportForm({
  initialValues,
  onGenerated,
}: {
  initialValues: GenerateFormValues;
  onGenerated: (report: ReportResource) => void;
}) {
  const id = useId();
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<GenerateFormErrors>({});
  const agents = useAgents();
  const generate = useGenerateReport();

  const hasDates = values.type !== "gdpr";
  const fieldIds = {
    type: `${id}-type`,
    typeHelp: `${id}-type-help`,
    from: `${id}-from`,
    to: `${id}-to`,
    agent: `${id}-agent`,
    agentHelp: `${id}-agent-help`,
    error: (field: string) => `${id}-${field}-error`,
  };

  const update = (patch: Partial<GenerateFormValues>, clear: (keyof GenerateFormErrors)[]) => {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const field of [...clear, "form" as const]) delete next[field];
      return next;
    });
  };

  const changeType = (type: ReportType) =>
    // GDPR and Audit take one agent: keep the first of a SOC2 selection.
    update({ type, agentIds: type === "soc2" ? values.agentIds : values.agentIds.slice(0, 1) }, ["type", "agent"]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (generate.isPending) return;
    const checked = validateGenerateForm(values);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    generate.mutate(checked.input, {
      onSuccess: (report) => onGenerated(report),
      onError: (error) => {
        if (error instanceof ApiError) {
          const mapped = mapServerFieldErrors(error.fields);
          // The message itself matters when no field explains it (403, 409, 500…).
          if (Object.keys(mapped).length === 0) mapped.form = [error.message];
          setErrors(mapped);
        } else {
          setErrors({ form: [`Could not reach the server: ${error.message}`] });
        }
      },
    });
  };

  const agentField = () => {
    if (agents.isPending) return <p className="text-sm text-slate-600">Loading agents…</p>;
    if (agents.isError)
      return (
        <Alert tone="error" title="Could not load the agents">
          <p>{agents.error.message}</p>
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => agents.refetch()}>
            Retry
          </Button>
        </Alert>
      );
    if (values.type === "soc2")
      return (
        <AgentCheckboxList
          agents={agents.data}
          value={values.agentIds}
          onChange={(agentIds) => update({ agentIds }, ["agent"])}
        />
      );
    return (
      <AgentSelect
        id={fieldIds.agent}
        agents={agents.data}
        value={values.agentIds[0] ?? ""}
        onChange={(agentId) => update({ agentIds: agentId ? [agentId] : [] }, ["agent"])}
        isRequired={values.type === "gdpr"}
        isInvalid={Boolean(errors.agent)}
        describedBy={describedBy(errors.agent && fieldIds.error("agent"), fieldIds.agentHelp)}
      />
    );
  };

  const agentHelp =
    values.type === "gdpr"
      ? "Tip: GDPR exports require selecting a specific agent because the report is about data processed by that agent. You cannot generate a GDPR export for “all agents” — create one per agent as needed."
      : values.type === "audit"
        ? "Optional: filter the summary to one agent. Leave “All agents” for the whole organization."
        : "Optional: tick agents to limit every section to them. None ticked covers every agent.";

  return (
    <Card className="p-4 sm:p-6">
      <form onSubmit={submit} noValidate className="grid max-w-3xl gap-5">
        <div>
          <Label htmlFor={fieldIds.type}>Report Type</Label>
          <select
            id={fieldIds.type}
            value={values.type}
            onChange={(event) => changeType(event.target.value as ReportType)}
            aria-describedby={describedBy(fieldIds.typeHelp, errors.type && fieldIds.error("type"))}
            className={`${selectClasses} mt-1 sm:max-w-sm`}
          >
            {reportTypeOptions.map((option) => (
              <option key={option.type} value={option.type}>
                {option.label}
              </option>
            ))}
          </select>
          <p id={fieldIds.typeHelp} className="mt-1 text-sm text-slate-600">
            {reportTypeOption(values.type).description}
          </p>
          <FieldError id={fieldIds.error("type")} messages={errors.type} />
        </div>

        {hasDates ? (
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Date range</legend>
            <p className="text-xs text-slate-500">Whole UTC days, both ends included. Defaults to the last 30 days.</p>
            <div className="mt-2 grid gap-4 sm:grid-cols-2 sm:max-w-lg">
              <div>
                <Label htmlFor={fieldIds.from}>From</Label>
                <Input
                  id={fieldIds.from}
                  type="date"
                  className="mt-1"
                  value={values.from}
                  max={values.to || undefined}
                  onChange={(event) => update({ from: event.target.value }, ["from", "to"])}
                  aria-invalid={Boolean(errors.from) || undefined}
                  aria-describedby={describedBy(errors.from && fieldIds.error("from"))}
                />
                <FieldError id={fieldIds.error("from")} messages={errors.from} />
              </div>
              <div>
                <Label htmlFor={fieldIds.to}>To</Label>
                <Input
                  id={fieldIds.to}
                  type="date"
                  className="mt-1"
                  value={values.to}
                  onChange={(event) => update({ to: event.target.value }, ["from", "to"])}
                  aria-invalid={Boolean(errors.to) || undefined}
                  aria-describedby={describedBy(errors.to && fieldIds.error("to"))}
                />
                <FieldError id={fieldIds.error("to")} messages={errors.to} />
              </div>
            </div>
          </fieldset>
        ) : null}

        {values.type === "soc2" ? (
          <fieldset aria-describedby={describedBy(fieldIds.agentHelp, errors.agent && fieldIds.error("agent"))}>
            <legend className="text-sm font-medium text-slate-700">Agents (optional)</legend>
            <p id={fieldIds.agentHelp} className="mb-2 text-xs text-slate-500">
              {agentHelp}
            </p>
            {agentField()}
            <FieldError id={fieldIds.error("agent")} messages={errors.agent} />
          </fieldset>
        ) : (
          <div>
            <Label htmlFor={fieldIds.agent}>{values.type === "gdpr" ? "Agent (required)" : "Agent (optional)"}</Label>
            <div className="mt-1 sm:max-w-md">{agentField()}</div>
            <FieldError id={fieldIds.error("agent")} messages={errors.agent} />
            <p
              id={fieldIds.agentHelp}
              className={
                values.type === "gdpr"
                  ? "mt-2 rounded-md border border-indigo-100 bg-indigo-50 px-3 py-2 text-sm text-indigo-900"
                  : "mt-1 text-xs text-slate-500"
              }
            >
              {agentHelp}
            </p>
          </div>
        )}

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
