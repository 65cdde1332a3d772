"use client";
// Revoke with a confirmation: a revoked key gets 401 from then on, and that cannot be undone.
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/dialog";
import { useRevokeApiKey } from "@/components/api-keys/use-revoke-api-key";

export function RevokeApiKeyButton({
  orgId,
  apiKey,
}: {
  orgId: string;
  apiKey: { id: string; name: string; prefix: string };
}) {
  const [open, setOpen] = useState(false);
  const revoke = useRevokeApiKey(orgId);

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) revoke.reset();
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Revoke ${apiKey.name}`}>
          Revoke
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>Revoke “{apiKey.name}”?</AlertDialogTitle>
        <AlertDialogDescription>
          Programs using <code className="font-mono text-xs">{apiKey.prefix}…</code> will be refused at once. This
          cannot be undone.
        </AlertDialogDescription>
        {revoke.error ? (
          <Alert tone="error" className="mt-4">
            {revoke.error.message}
          </Alert>
        ) : null}
        <div className="mt-6 flex justify-end gap-2">
          <AlertDialogCancel asChild>
            <Button variant="secondary">Cancel</Button>
          </AlertDialogCancel>
          {/* Not AlertDialogAction: that would close the dialog before the request finishes. */}
          <Button
            variant="danger"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate(apiKey.id, { onSuccess: () => setOpen(false) })}
          >
            {revoke.isPending ? "Revoking…" : "Revoke key"}
          </Button>
        </div>
      </AlertDialogContent>
    </AlertDialog>
  );
}
