"use client";
// The requests page: deadline counts, the list (soonest due first, overdue and
// due-soon badged), a form to record a request, and the chosen request's detail.
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { DataSubjectRequestPage } from "@/lib/privacy/schemas";
import { CreateDataSubjectRequestForm } from "./create-data-subject-request-form";
import { DataSubjectRequestDetail } from "./data-subject-request-detail";
import { DeadlineBadge } from "./deadline-badge";
import { useDataSubjectRequests } from "./use-data-subject-requests";

export function DataSubjectRequestsPanel({
  orgId,
  canWrite,
  initialPage,
}: {
  orgId: string;
  canWrite: boolean;
  initialPage: DataSubjectRequestPage;
}) {
  const { data = initialPage } = useDataSubjectRequests(orgId, initialPage);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [isCreating, setIsCreating] = useState(false);
  const requests = data.requests;
  const selected = requests.find((request) => request.id === selectedId) ?? null;
  const overdue = requests.filter((request) => request.deadline.state === "overdue").length;
  const dueSoon = requests.filter((request) => request.deadline.state === "due_soon").length;

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={overdue > 0 ? "danger" : "neutral"}>{overdue} overdue</Badge>
        <Badge tone={dueSoon > 0 ? "warning" : "neutral"}>{dueSoon} due within 7 days</Badge>
        {canWrite && !isCreating ? (
          <Button className="ml-auto" onClick={() => setIsCreating(true)}>
            New request
          </Button>
        ) : null}
      </div>

      {isCreating ? (
        <Card className="p-4 sm:p-6">
          <h2 className="mb-4 text-base font-semibold text-slate-900">New data-subject request</h2>
          <CreateDataSubjectRequestForm
            orgId={orgId}
            onCreated={(request) => {
              setIsCreating(false);
              setSelectedId(request.id);
            }}
          />
        </Card>
      ) : null}

      <Card>
        {requests.length === 0 ? (
          <p className="p-6 text-sm text-slate-600">No data-subject requests yet.</p>
        ) : (
          <Table aria-label="Data-subject requests" stackOnPhone>
            <TableHead>
              <TableRow>
                <TableHeaderCell>Subject</TableHeaderCell>
                <TableHeaderCell>Received</TableHeaderCell>
                <TableHeaderCell>Due</TableHeaderCell>
                <TableHeaderCell>Deadline</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>
                  <span className="sr-only">Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {requests.map((request) => (
                <TableRow key={request.id} className={request.id === selectedId ? "bg-indigo-50" : undefined}>
                  <TableCell className="font-medium">{request.subject.email}</TableCell>
                  <TableCell label="Received">{request.receivedOn}</TableCell>
                  <TableCell label="Due">{request.dueOn}</TableCell>
                  <TableCell label="Deadline">
                    <DeadlineBadge deadline={request.deadline} />
                  </TableCell>
                  <TableCell label="Status">{request.status}</TableCell>
                  <TableCell>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`View request from ${request.subject.email}`}
                      onClick={() => setSelectedId(request.id)}
                    >
                      View
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>

      {selected ? (
        <DataSubjectRequestDetail key={selected.id} orgId={orgId} request={selected} canWrite={canWrite} />
      ) : null}
    </div>
  );
}
