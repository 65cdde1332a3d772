"use client";
// The Generate form's agent choice, as the type asks for it: one agent
// (required or "All agents") as a select, several as a checkbox list.
import { AgentCheckboxList } from "@/components/compliance/agent-checkbox-list";
import { AgentSelect } from "@/components/compliance/agent-select";
import { describedBy } from "@/components/compliance/described-by";
import { FieldError } from "@/components/compliance/field-error";
import type { ReportFormField } from "@/components/compliance/report-type-options";
import { useAgents } from "@/components/compliance/use-agents";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";

type AgentFormField = Extract<ReportFormField, { kind: "agent" | "agents" }>;

export function GenerateAgentField({
  idPrefix,
  field,
  agentIds,
  errors,
  onChange,
}: {
  idPrefix: string;
  field: AgentFormField;
  agentIds: string[];
  errors: string[] | undefined;
  onChange: (agentIds: string[]) => void;
}) {
  const agents = useAgents();
  const ids = { agent: `${idPrefix}-agent`, help: `${idPrefix}-agent-help`, error: `${idPrefix}-agent-error` };
  const isList = field.kind === "agents" && field.max > 1;
  const requirement = field.isRequired ? "required" : "optional";

  const control = () => {
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
    if (isList) return <AgentCheckboxList agents={agents.data} value={agentIds} onChange={onChange} />;
    return (
      <AgentSelect
        id={ids.agent}
        agents={agents.data}
        value={agentIds[0] ?? ""}
        onChange={(agentId) => onChange(agentId ? [agentId] : [])}
        isRequired={field.isRequired}
        isInvalid={Boolean(errors)}
        describedBy={describedBy(errors && ids.error, ids.help)}
      />
    );
  };

  if (isList)
    return (
      <fieldset aria-describedby={describedBy(ids.help, errors && ids.error)}>
        <legend className="text-sm font-medium text-slate-700">Agents ({requirement})</legend>
        <p id={ids.help} className="mb-2 text-xs text-slate-500">
          {field.help}
        </p>
        {control()}
        <FieldError id={ids.error} messages={errors} />
      </fieldset>
    );

  const isHelpProminent = field.kind === "agent" && field.isHelpProminent;
  return (
    <div>
      <Label htmlFor={ids.agent}>Agent ({requirement})</Label>
      <div className="mt-1 sm:max-w-md">{control()}</div>
      <FieldError id={ids.error} messages={errors} />
      <p
        id={ids.help}
        className={
          isHelpProminent
            ? "mt-2 rounded-md border border-indigo-100 bg-indigo-50 px-3 py-2 text-sm text-indigo-900"
            : "mt-1 text-xs text-slate-500"
        }
      >
        {field.help}
      </p>
    </div>
  );
}
