"use client";
// Admins only: revoke a share link after a confirmation; it answers 410 from then on.
import { useRevokeShareLink } from "@/components/share-links/use-revoke-share-link";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ShareLinkResponse } from "@/lib/share-links/schemas";

export function RevokeShareLinkButton({ link, name }: { link: ShareLinkResponse; name: string }) {
  const revocation = useRevokeShareLink(link.reportId);
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      }
      title="Revoke this share link?"
      description={
        <>Whoever holds {name} can no longer open the report or download its files. This cannot be undone.</>
      }
      confirmLabel="Revoke link"
      pendingLabel="Revoking…"
      errorTitle="The link was not revoked"
      mutation={revocation}
      onConfirm={(close) => revocation.mutate(link.id, { onSuccess: close })}
    />
  );
}
