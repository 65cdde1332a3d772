"use client";
// A schedule's continuous record: one row per period since it began, with its report or the gap.
import Link from "next/link";
import type { ScheduleRecordResource } from "@/components/schedules/schedule-api";
import { useScheduleRecord } from "@/components/schedules/use-schedule-record";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

type PeriodState = ScheduleRecordResource["periods"][number]["state"];

const stateBadges: Record<PeriodState, { tone: BadgeTone; label: string }> = {
  covered: { tone: "success", label: "covered" },
  pending: { tone: "info", label: "generating" },
  failed: { tone: "danger", label: "failed" },
  purged: { tone: "neutral", label: "purged (tombstone kept)" },
  deleted: { tone: "danger", label: "deleted" },
  missing: { tone: "danger", label: "missing" },
  due: { tone: "warning", label: "due" },
  open: { tone: "neutral", label: "open" },
};

export function ScheduleRecordView({ scheduleId }: { scheduleId: string }) {
  const record = useScheduleRecord(scheduleId);
  if (record.isPending)
    return (
      <p role="status" className="text-sm text-slate-600">
        Loading the record…
      </p>
    );
  if (record.isError)
    return (
      <Alert tone="error" title="Could not load the record">
        {record.error.message}
      </Alert>
    );
  const { periods, gaps } = record.data;
  return (
    <Card>
      <p className="border-b border-slate-200 p-4 text-sm text-slate-700" role="status">
        {gaps === 0
          ? "No gaps: every closed period has its report."
          : `${gaps} gap${gaps === 1 ? "" : "s"} in the record.`}
      </p>
      <Table aria-label="Continuous record">
        <TableHead>
          <tr>
            <TableHeaderCell>Period (UTC)</TableHeaderCell>
            <TableHeaderCell>State</TableHeaderCell>
            <TableHeaderCell>Report</TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {[...periods].reverse().map((period) => (
            <tr key={period.from}>
              <TableCell className="tabular-nums">
                {period.from} to {period.to}
              </TableCell>
              <TableCell>
                <Badge tone={stateBadges[period.state].tone}>{stateBadges[period.state].label}</Badge>
              </TableCell>
              <TableCell>
                {period.report ? (
                  <Link
                    href={`/dashboard/compliance/reports/${encodeURIComponent(period.report.id)}`}
                    className="text-indigo-700 hover:underline"
                  >
                    {period.report.title}
                  </Link>
                ) : (
                  "—"
                )}
              </TableCell>
            </tr>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
