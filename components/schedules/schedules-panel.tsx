"use client";
// The org's schedules: type, cadence, agents, status, next run, and (admins) pause/resume and delete;
// each links to its continuous record.
import Link from "next/link";
import { useAgents } from "@/components/compliance/use-agents";
import { CreateScheduleForm } from "@/components/schedules/create-schedule-form";
import { cadenceLabels, type ScheduleResource, type ScheduleTypeOption } from "@/components/schedules/schedule-api";
import { useDeleteSchedule } from "@/components/schedules/use-delete-schedule";
import { useSchedules } from "@/components/schedules/use-schedules";
import { useUpdateSchedule } from "@/components/schedules/use-update-schedule";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/client/format-date-time";

export function SchedulesPanel({ types, canManage }: { types: ScheduleTypeOption[]; canManage: boolean }) {
  const schedules = useSchedules();
  const agents = useAgents();
  const names = new Map((agents.data ?? []).map((agent) => [agent.id, agent.name]));
  const labelOf = (type: ScheduleResource["type"]) => types.find((option) => option.type === type)?.label ?? type;
  const describe = (schedule: ScheduleResource) =>
    `${cadenceLabels[schedule.cadence].split(" (")[0]} ${labelOf(schedule.type)}`;

  return (
    <div className="grid gap-6">
      {canManage ? <CreateScheduleForm types={types} /> : null}
      <Card>
        {schedules.isPending ? (
          <p role="status" className="p-6 text-sm text-slate-600">
            Loading schedules…
          </p>
        ) : schedules.isError ? (
          <div className="p-4">
            <Alert tone="error" title="Could not load the schedules">
              {schedules.error.message}
            </Alert>
          </div>
        ) : schedules.data.length === 0 ? (
          <p className="p-6 text-sm text-slate-600">No schedules yet.</p>
        ) : (
          <Table aria-label="Schedules" stackOnPhone>
            <TableHead>
              <TableRow>
                <TableHeaderCell>Schedule</TableHeaderCell>
                <TableHeaderCell>Agents</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Next report queued</TableHeaderCell>
                <TableHeaderCell>Actions</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {schedules.data.map((schedule) => (
                <TableRow key={schedule.id}>
                  <TableCell>
                    <Link
                      href={`/dashboard/compliance/schedules/${encodeURIComponent(schedule.id)}`}
                      className="font-medium text-indigo-700 hover:underline"
                    >
                      {describe(schedule)}
                    </Link>
                    <span className="block text-xs text-slate-600">since {schedule.firstPeriodStart}</span>
                  </TableCell>
                  <TableCell label="Agents" className="max-w-48 break-words">
                    {schedule.agentIds.length === 0
                      ? "All agents"
                      : schedule.agentIds.map((id) => names.get(id) ?? id).join(", ")}
                  </TableCell>
                  <TableCell label="Status">
                    <Badge tone={schedule.status === "active" ? "success" : "neutral"}>{schedule.status}</Badge>
                  </TableCell>
                  <TableCell label="Next report queued">
                    {schedule.nextRunAt ? formatDateTime(schedule.nextRunAt) : "—"}
                  </TableCell>
                  <TableCell>
                    <div className="flex items-center gap-1.5 whitespace-nowrap">
                      <Link
                        href={`/dashboard/compliance/schedules/${encodeURIComponent(schedule.id)}`}
                        className="text-sm font-medium text-indigo-700 hover:underline"
                        aria-label={`Record of ${describe(schedule)}`}
                      >
                        Record
                      </Link>
                      {canManage ? <ScheduleActions schedule={schedule} label={describe(schedule)} /> : null}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </div>
  );
}

function ScheduleActions({ schedule, label }: { schedule: ScheduleResource; label: string }) {
  const update = useUpdateSchedule();
  const deletion = useDeleteSchedule();
  const isActive = schedule.status === "active";
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        disabled={update.isPending}
        onClick={() => update.mutate({ id: schedule.id, status: isActive ? "paused" : "active" })}
        aria-label={`${isActive ? "Pause" : "Resume"} ${label}`}
      >
        {isActive ? "Pause" : "Resume"}
      </Button>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" aria-label={`Delete ${label}`}>
            Delete
          </Button>
        }
        title="Delete this schedule?"
        description={<>“{label}” stops and its record goes. The reports it queued stay.</>}
        confirmLabel="Delete schedule"
        pendingLabel="Deleting…"
        errorTitle="The schedule was not deleted"
        mutation={deletion}
        onConfirm={(close) => deletion.mutate(schedule.id, { onSuccess: close })}
      />
    </>
  );
}
