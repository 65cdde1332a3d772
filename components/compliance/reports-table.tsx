"use client";
// The report history table (seed columns): Title, Type, Status, Generated, By, Actions.
import clsx from "clsx";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { GeneratedTime } from "@/components/compliance/generated-time";
import { ReportActionsCell } from "@/components/compliance/report-actions-cell";
import type { ReportResource } from "@/components/compliance/report-resource";
import { ReportStatusCell } from "@/components/compliance/report-status-cell";
import { ReportTypeBadge } from "@/components/compliance/report-type-badge";
import { ScrollableTable } from "@/components/compliance/scrollable-table";
import { TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

function author(report: ReportResource): string {
  return report.createdBy.email ?? report.createdBy.label;
}

export function ReportsTable({
  reports,
  highlightedId,
  isAdmin,
  onRegenerate,
}: {
  reports: ReportResource[];
  highlightedId: string | null;
  isAdmin: boolean;
  onRegenerate: (report: ReportResource) => void;
}) {
  const highlightedRow = useRef<HTMLTableRowElement>(null);
  const isHighlightedShown = reports.some((report) => report.id === highlightedId);
  useEffect(() => {
    if (isHighlightedShown) highlightedRow.current?.scrollIntoView({ block: "nearest" });
  }, [isHighlightedShown]);

  return (
    <ScrollableTable label="Reports table" aria-label="Reports">
      <TableHead>
        <tr>
          <TableHeaderCell>Title</TableHeaderCell>
          <TableHeaderCell>Type</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Generated</TableHeaderCell>
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
                <Link
                  href={`/dashboard/compliance/reports/${encodeURIComponent(report.id)}`}
                  className="font-medium text-indigo-700 hover:underline"
                >
                  {report.title}
                </Link>
                {isHighlighted ? <span className="ml-2 text-xs font-medium text-indigo-700">New</span> : null}
              </TableCell>
              <TableCell>
                <ReportTypeBadge type={report.type} />
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
                <ReportActionsCell report={report} isAdmin={isAdmin} onRegenerate={onRegenerate} />
              </TableCell>
            </tr>
          );
        })}
      </TableBody>
    </ScrollableTable>
  );
}
