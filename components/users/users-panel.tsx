"use client";
// The Users page's table: every member with role, status and last sign-in.
// Admins add members, change roles and remove members; auditors read.
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { AddMemberDialog } from "@/components/users/add-member-dialog";
import { MemberRoleSelect } from "@/components/users/member-role-select";
import { RemoveMemberButton } from "@/components/users/remove-member-button";
import { useMembers } from "@/components/users/use-members";
import { formatDateTime } from "@/lib/client/format-date-time";
import type { MemberResponse } from "@/lib/users/schemas";

export function UsersPanel({
  orgId,
  canManage,
  initialMembers,
}: {
  orgId: string;
  canManage: boolean;
  initialMembers: MemberResponse[];
}) {
  const members = useMembers(orgId, initialMembers);
  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <h2 className="text-base font-semibold text-slate-900">Members</h2>
        {canManage ? <AddMemberDialog orgId={orgId} /> : null}
      </div>
      {members.error ? (
        <Alert tone="error" className="m-4">
          Could not load the members: {members.error.message}
        </Alert>
      ) : null}
      {members.data ? (
        <Table aria-label="Members" stackOnPhone>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Email</TableHeaderCell>
              <TableHeaderCell>Role</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Last sign-in</TableHeaderCell>
              <TableHeaderCell>Member since</TableHeaderCell>
              {canManage ? <TableHeaderCell>Actions</TableHeaderCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {members.data.map((member) => (
              <TableRow key={member.userId}>
                <TableCell className="font-medium text-slate-900">{member.name}</TableCell>
                <TableCell label="Email" className="break-all">
                  {member.email}
                </TableCell>
                <TableCell label="Role">
                  {canManage ? <MemberRoleSelect orgId={orgId} member={member} /> : member.role}
                </TableCell>
                <TableCell label="Status">
                  {member.status === "invited" ? (
                    <span className="block min-w-28">
                      <Badge tone="warning">Invited</Badge>
                      {member.invitationExpiresAt ? (
                        <span className="mt-1 block text-xs text-slate-600">
                          link valid until {formatDateTime(member.invitationExpiresAt)}
                        </span>
                      ) : (
                        <span className="mt-1 block text-xs text-slate-600">link expired or used</span>
                      )}
                    </span>
                  ) : (
                    <Badge tone="success">Active</Badge>
                  )}
                </TableCell>
                <TableCell label="Last sign-in" className="min-w-28">
                  {member.lastSignInAt ? (
                    formatDateTime(member.lastSignInAt)
                  ) : (
                    <span className="text-slate-500">Never</span>
                  )}
                </TableCell>
                <TableCell label="Member since" className="min-w-28">
                  {formatDateTime(member.joinedAt)}
                </TableCell>
                {canManage ? (
                  <TableCell>
                    <RemoveMemberButton orgId={orgId} member={member} />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Card>
  );
}
