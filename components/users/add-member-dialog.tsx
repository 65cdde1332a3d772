"use client";
// "Add member": an email and a role. An email with an account joins at once;
// one without gets an invitation whose set-password link is shown this once.
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError } from "@/components/compliance/field-error";
import { useAddMember } from "@/components/users/use-add-member";
import { roles, type Role } from "@/lib/auth/identity";
import { ApiError } from "@/lib/client/api-error";
import { formatDateTime } from "@/lib/client/format-date-time";
import type { AddedMemberResponse } from "@/lib/users/schemas";

export function AddMemberDialog({ orgId }: { orgId: string }) {
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<AddedMemberResponse | null>(null);
  const addMember = useAddMember(orgId);
  const emailId = useId();
  const roleId = useId();
  const fields = addMember.error instanceof ApiError ? addMember.error.fields : {};

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      // Closing forgets the link for good.
      setAdded(null);
      addMember.reset();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    addMember.mutate(
      { email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "member") as Role },
      { onSuccess: setAdded },
    );
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>Add member</Button>
      </DialogTrigger>
      <DialogContent>
        {added ? (
          <div>
            <DialogTitle>{added.invitation ? "Invitation created" : "Member added"}</DialogTitle>
            {added.invitation ? (
              <>
                <DialogDescription>
                  {added.member.email} has no account yet. Send them this link: it lets them set a password once, until{" "}
                  {formatDateTime(added.invitation.expiresAt)}. It is shown only now.
                </DialogDescription>
                <div className="mt-4 flex items-center gap-2">
                  <code
                    aria-label="Set-password link"
                    className="block min-w-0 flex-1 rounded bg-slate-100 px-2 py-1.5 font-mono text-xs break-all"
                  >
                    {added.invitation.url}
                  </code>
                  <CopyButton value={added.invitation.url} label="Copy link" />
                </div>
              </>
            ) : (
              <DialogDescription>
                {added.member.email} is now a member with the role {added.member.role}.
              </DialogDescription>
            )}
            <div className="mt-6 flex justify-end">
              <DialogClose asChild>
                <Button>Done</Button>
              </DialogClose>
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <DialogTitle>Add member</DialogTitle>
            <DialogDescription>
              Someone with an account joins at once. Someone without one gets a link to set a password.
            </DialogDescription>
            <div className="mt-5 space-y-5">
              {addMember.error && !fields.email && !fields.role ? (
                <Alert tone="error">{addMember.error.message}</Alert>
              ) : null}
              <div className="space-y-1.5">
                <Label htmlFor={emailId}>Email</Label>
                <Input
                  id={emailId}
                  name="email"
                  type="email"
                  required
                  maxLength={320}
                  aria-invalid={fields.email ? true : undefined}
                  aria-describedby={fields.email ? `${emailId}-error` : undefined}
                />
                <FieldError id={`${emailId}-error`} messages={fields.email} />
              </div>
              <div className="space-y-1.5">
                <Label htmlFor={roleId}>Role</Label>
                <select
                  id={roleId}
                  name="role"
                  defaultValue="member"
                  className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900"
                >
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
                <FieldError id={`${roleId}-error`} messages={fields.role} />
              </div>
            </div>
            <div className="mt-6 flex justify-end gap-2">
              <DialogClose asChild>
                <Button type="button" variant="secondary">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" disabled={addMember.isPending}>
                {addMember.isPending ? "Adding…" : "Add member"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
