"use client";
// Revoke with a confirmation: a revoked key gets 401 from then on, and that cannot be undone.
import { useRevokeApiKey } from "@/components/api-keys/use-revoke-api-key";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function RevokeApiKeyButton({
  orgId,
  apiKey,
}: {
  orgId: string;
  apiKey: { id: string; name: string; prefix: string };
}) {
  const revoke = useRevokeApiKey(orgId);
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm" aria-label={`Revoke ${apiKey.name}`}>
          Revoke
        </Button>
      }
      title={<>Revoke “{apiKey.name}”?</>}
      description={
        <>
          Programs using <code className="font-mono text-xs">{apiKey.prefix}…</code> will be refused at once. This
          cannot be undone.
        </>
      }
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      mutation={revoke}
      onConfirm={(close) => revoke.mutate(apiKey.id, { onSuccess: close })}
    />
  );
}
