"use client";
// Admins create a schedule: a report type with a period, a cadence, and optionally the agents it covers.
import { useState, type FormEvent } from "react";
import { AgentCheckboxList } from "@/components/compliance/agent-checkbox-list";
import { useAgents } from "@/components/compliance/use-agents";
import { cadenceLabels, type ScheduleResource, type ScheduleTypeOption } from "@/components/schedules/schedule-api";
import { useCreateSchedule } from "@/components/schedules/use-create-schedule";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { ApiError } from "@/lib/client/api-error";

const selectClasses =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none";

export function CreateScheduleForm({ types }: { types: ScheduleTypeOption[] }) {
  const [type, setType] = useState<ScheduleResource["type"]>(types[0]?.type ?? "soc2");
  const [cadence, setCadence] = useState<ScheduleResource["cadence"]>("monthly");
  const [agentIds, setAgentIds] = useState<string[]>([]);
  const agents = useAgents();
  const creation = useCreateSchedule();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    creation.mutate({ type, cadence, agentIds }, { onSuccess: () => setAgentIds([]) });
  };

  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold text-slate-900">New schedule</h2>
      <p className="mt-1 text-sm text-slate-600">
        When each period closes (UTC), the report for exactly that period is queued once. Periods missed while the
        server was down are caught up, the latest 12.
      </p>
      <form onSubmit={submit} className="mt-4 grid gap-4 sm:grid-cols-2">
        <div>
          <Label htmlFor="schedule-type">Report type</Label>
          <select
            id="schedule-type"
            className={selectClasses}
            value={type}
            onChange={(event) => setType(event.target.value as ScheduleResource["type"])}
          >
            {types.map((option) => (
              <option key={option.type} value={option.type}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <Label htmlFor="schedule-cadence">Cadence</Label>
          <select
            id="schedule-cadence"
            className={selectClasses}
            value={cadence}
            onChange={(event) => setCadence(event.target.value as ScheduleResource["cadence"])}
          >
            {(Object.keys(cadenceLabels) as ScheduleResource["cadence"][]).map((value) => (
              <option key={value} value={value}>
                {cadenceLabels[value]}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-slate-700">Agents (none ticked: every agent)</legend>
          <div className="mt-1">
            {agents.data ? (
              <AgentCheckboxList agents={agents.data} value={agentIds} onChange={setAgentIds} />
            ) : (
              <p className="text-sm text-slate-600">Loading agents…</p>
            )}
          </div>
        </fieldset>
        {creation.isError ? (
          <div className="sm:col-span-2">
            <Alert tone="error" title="The schedule was not created">
              {creation.error instanceof ApiError && Object.keys(creation.error.fields).length > 0
                ? Object.values(creation.error.fields).flat().join(" ")
                : creation.error.message}
            </Alert>
          </div>
        ) : null}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={creation.isPending}>
            {creation.isPending ? "Creating…" : "Create schedule"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
