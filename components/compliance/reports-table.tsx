"use client";
// The report history: a table (Title, Type, Period, Scope, Status, Generated, By,
// Actions) from the sm breakpoint up, and one card per report on phones, with the
// same actions visible.
import clsx from "clsx";
import Link from "next/link";
import { useEffect, useMemo, useRef } from "react";
import { describeReportAgents, describeReportPeriod } from "@/components/compliance/describe-report-scope";
import { GeneratedTime } from "@/components/compliance/generated-time";
import { ReportActionsCell } from "@/components/compliance/report-actions-cell";
import type { ReportResource } from "@/components/compliance/report-resource";
import type { ReportSortOption } from "@/components/compliance/report-sort-options";
import { ReportStatusCell } from "@/components/compliance/report-status-cell";
import { ReportTypeBadge } from "@/components/compliance/report-type-badge";
import { ScrollableTable } from "@/components/compliance/scrollable-table";
import { useAgents } from "@/components/compliance/use-agents";
import { TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

function author(report: ReportResource): string {
  return report.createdBy.email ?? report.createdBy.label;
}

function reportHref(report: ReportResource): string {
  return `/dashboard/compliance/reports/${encodeURIComponent(report.id)}`;
}

type ReportsTableProps = {
  reports: ReportResource[];
  highlightedId: string | null;
  isAdmin: boolean;
  onRegenerate: (report: ReportResource) => void;
  onRunAgain: (report: ReportResource) => void;
  /** The list's order, announced on the matching column (aria-sort). */
  sortedBy: ReportSortOption;
};

export function ReportsTable(props: ReportsTableProps) {
  const { reports, highlightedId, isAdmin, onRegenerate, onRunAgain, sortedBy } = props;
  const highlightedRow = useRef<HTMLTableRowElement>(null);
  const isHighlightedShown = reports.some((report) => report.id === highlightedId);
  useEffect(() => {
    if (isHighlightedShown) highlightedRow.current?.scrollIntoView({ block: "nearest" });
  }, [isHighlightedShown]);
  const agentNames = useAgentNames();
  const ariaSort = (column: ReportSortOption["sort"]) =>
    sortedBy.sort === column ? (sortedBy.order === "asc" ? "ascending" : "descending") : undefined;

  return (
    <>
      <div className="hidden sm:block">
        <ScrollableTable label="Reports table" aria-label="Reports">
          <TableHead>
            <tr>
              <TableHeaderCell aria-sort={ariaSort("title")}>Title</TableHeaderCell>
              <TableHeaderCell>Type</TableHeaderCell>
              <TableHeaderCell aria-sort={ariaSort("period")}>Period (UTC)</TableHeaderCell>
              <TableHeaderCell>Scope</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell aria-sort={ariaSort("createdAt")}>Generated</TableHeaderCell>
              {/* Below xl the author moves under the time, so the table fits a narrow laptop without scrolling. */}
              <TableHeaderCell className="hidden xl:table-cell">By</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {reports.map((report) => {
              const isHighlighted = report.id === highlightedId;
              return (
                <tr
                  key={report.id}
                  ref={isHighlighted ? highlightedRow : undefined}
                  data-highlighted={isHighlighted || undefined}
                  className={clsx(isHighlighted && "bg-indigo-50/70 outline-2 -outline-offset-2 outline-indigo-300")}
                >
                  <TableCell className="min-w-48">
                    <Link href={reportHref(report)} className="font-medium text-indigo-700 hover:underline">
                      {report.title}
                    </Link>
                    {isHighlighted ? <span className="ml-2 text-xs font-medium text-indigo-700">New</span> : null}
                  </TableCell>
                  <TableCell>
                    <ReportTypeBadge type={report.type} />
                  </TableCell>
                  <TableCell className="min-w-24 tabular-nums">{describeReportPeriod(report.scope)}</TableCell>
                  <TableCell className="max-w-48 break-words">
                    {describeReportAgents(report.scope, agentNames)}
                  </TableCell>
                  <TableCell>
                    <ReportStatusCell report={report} />
                  </TableCell>
                  <TableCell>
                    <GeneratedTime iso={report.createdAt} />
                    <span className="mt-0.5 block max-w-48 text-xs break-words text-slate-600 xl:hidden">
                      by {author(report)}
                    </span>
                  </TableCell>
                  <TableCell className="hidden max-w-48 break-words xl:table-cell">{author(report)}</TableCell>
                  <TableCell>
                    <ReportActionsCell
                      report={report}
                      isAdmin={isAdmin}
                      onRegenerate={onRegenerate}
                      onRunAgain={onRunAgain}
                    />
                  </TableCell>
                </tr>
              );
            })}
          </TableBody>
        </ScrollableTable>
      </div>
      <ul aria-label="Reports" className="divide-y divide-slate-200 sm:hidden">
        {reports.map((report) => (
          <li
            key={report.id}
            data-highlighted={report.id === highlightedId || undefined}
            className={clsx("p-4", report.id === highlightedId && "bg-indigo-50/70")}
          >
            <article aria-labelledby={`report-card-${report.id}`}>
              <h3 id={`report-card-${report.id}`} className="text-sm font-medium break-words">
                <Link href={reportHref(report)} className="text-indigo-700 hover:underline">
                  {report.title}
                </Link>
              </h3>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
                <dt className="text-slate-600">Type</dt>
                <dd>
                  <ReportTypeBadge type={report.type} />
                </dd>
                <dt className="text-slate-600">Period</dt>
                <dd className="tabular-nums">{describeReportPeriod(report.scope)}</dd>
                <dt className="text-slate-600">Scope</dt>
                <dd className="break-words">{describeReportAgents(report.scope, agentNames)}</dd>
                <dt className="text-slate-600">Status</dt>
                <dd>
                  <ReportStatusCell report={report} />
                </dd>
                <dt className="text-slate-600">Generated</dt>
                <dd>
                  <GeneratedTime iso={report.createdAt} />
                  <span className="block text-xs break-words text-slate-600">by {author(report)}</span>
                </dd>
              </dl>
              <div className="mt-3">
                <ReportActionsCell
                  report={report}
                  isAdmin={isAdmin}
                  onRegenerate={onRegenerate}
                  onRunAgain={onRunAgain}
                  wrap
                />
              </div>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Agent names by id (one request for the whole list; ids until it answers). */
function useAgentNames(): ReadonlyMap<string, string> {
  const agents = useAgents();
  return useMemo(() => new Map((agents.data ?? []).map((agent) => [agent.id, agent.name])), [agents.data]);
}
