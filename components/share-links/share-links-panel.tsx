"use client";
// The report page's share links (admins): who each is for, whether it still
// works, until when, downloads against its cap, last access, and Revoke.
import { RevokeShareLinkButton } from "@/components/share-links/revoke-share-link-button";
import { useShareLinks } from "@/components/share-links/use-share-links";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/client/format-date-time";
import type { ShareLinkResponse } from "@/lib/share-links/schemas";

const statusBadges: Record<ShareLinkResponse["status"], { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  expired: { label: "Expired", tone: "neutral" },
  exhausted: { label: "Cap reached", tone: "warning" },
  revoked: { label: "Revoked", tone: "danger" },
};

function nameOf(link: ShareLinkResponse): string {
  return link.label ? `the link “${link.label}”` : `the link created ${formatDateTime(link.createdAt)}`;
}

export function ShareLinksPanel({ reportId }: { reportId: string }) {
  const links = useShareLinks(reportId);
  return (
    <Card className="p-4 sm:p-6 print:hidden" aria-labelledby="share-links-heading">
      <h2 id="share-links-heading" className="text-base font-semibold text-slate-900">
        Share links
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Links that open this report read-only without an account. Use Share above to create one.
      </p>
      <div className="mt-4">
        {links.isPending ? (
          <p role="status" className="text-sm text-slate-600">
            Loading share links…
          </p>
        ) : links.isError ? (
          <Alert tone="error" title="Could not load the share links">
            {links.error.message}
          </Alert>
        ) : links.data.shareLinks.length === 0 ? (
          <p className="text-sm text-slate-600">This report has not been shared.</p>
        ) : (
          <Table aria-label="Share links" stackOnPhone>
            <TableHead>
              <TableRow>
                <TableHeaderCell>Label</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Expires</TableHeaderCell>
                <TableHeaderCell>Downloads</TableHeaderCell>
                <TableHeaderCell>Visits</TableHeaderCell>
                <TableHeaderCell>Last access</TableHeaderCell>
                <TableHeaderCell>
                  <span className="sr-only">Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {links.data.shareLinks.map((link) => (
                <TableRow key={link.id}>
                  <TableCell className="break-words">
                    {link.label ?? <span className="text-slate-500">No label</span>}
                    <span className="block text-xs text-slate-500">
                      Created {formatDateTime(link.createdAt)} by {link.createdBy.label}
                    </span>
                  </TableCell>
                  <TableCell label="Status">
                    <Badge tone={statusBadges[link.status].tone}>{statusBadges[link.status].label}</Badge>
                    {link.revokedReason === "report_deleted" ? (
                      <span className="block text-xs text-slate-500">Report deleted</span>
                    ) : null}
                  </TableCell>
                  <TableCell label="Expires" className="whitespace-nowrap">
                    {formatDateTime(link.expiresAt)}
                  </TableCell>
                  <TableCell label="Downloads" className="whitespace-nowrap tabular-nums">
                    {link.maxDownloads === null ? link.downloadCount : `${link.downloadCount} / ${link.maxDownloads}`}
                  </TableCell>
                  <TableCell label="Visits" className="tabular-nums">
                    {link.viewCount}
                  </TableCell>
                  <TableCell label="Last access" className="whitespace-nowrap">
                    {link.lastAccessedAt ? formatDateTime(link.lastAccessedAt) : "Never"}
                  </TableCell>
                  <TableCell>
                    {link.status === "revoked" ? null : <RevokeShareLinkButton link={link} name={nameOf(link)} />}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </Card>
  );
}
