"use client";
// Remove with a confirmation: the person loses access to this organization at once.
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useRemoveMember } from "@/components/users/use-remove-member";

export function RemoveMemberButton({ orgId, member }: { orgId: string; member: { userId: string; email: string } }) {
  const remove = useRemoveMember(orgId);
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm" aria-label={`Remove ${member.email}`}>
          Remove
        </Button>
      }
      title={<>Remove {member.email}?</>}
      description={
        <>They lose access to this organization at once. Their account stays, and can be added again later.</>
      }
      confirmLabel="Remove member"
      pendingLabel="Removing…"
      errorTitle="Could not remove the member"
      mutation={remove}
      onConfirm={(close) => remove.mutate(member.userId, { onSuccess: close })}
    />
  );
}
