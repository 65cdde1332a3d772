"use client";
// An admin's control over one member's role: changing the selection saves it.
// A refused change (the last admin) shows the server's reason beside it.
import { useId } from "react";
import { roles, type Role } from "@/lib/auth/identity";
import { useChangeMemberRole } from "@/components/users/use-change-member-role";

export function MemberRoleSelect({
  orgId,
  member,
}: {
  orgId: string;
  member: { userId: string; email: string; role: Role };
}) {
  const change = useChangeMemberRole(orgId);
  const errorId = useId();
  return (
    <span className="block">
      <select
        aria-label={`Role of ${member.email}`}
        value={member.role}
        disabled={change.isPending}
        aria-invalid={change.error ? true : undefined}
        aria-describedby={change.error ? errorId : undefined}
        onChange={(event) => change.mutate({ userId: member.userId, role: event.target.value as Role })}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
      {change.error ? (
        <span id={errorId} role="alert" className="mt-1 block max-w-56 text-xs text-red-700">
          {change.error.message}
        </span>
      ) : null}
    </span>
  );
}
