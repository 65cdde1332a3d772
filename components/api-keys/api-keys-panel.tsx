"use client";
// Settings → API keys: the org's keys (who created them, when they expire, who
// revoked them), create (shown once) and revoke.
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { useApiKeys } from "@/components/api-keys/use-api-keys";
import type { ApiKeyResponse } from "@/lib/api-keys/to-api-key-response";
import { formatDateTime } from "@/lib/client/format-date-time";

export function ApiKeysPanel({ orgId, initialApiKeys }: { orgId: string; initialApiKeys: ApiKeyResponse[] }) {
  const apiKeys = useApiKeys(orgId, initialApiKeys);

  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <h2 className="text-base font-semibold text-slate-900">Keys</h2>
        <CreateApiKeyDialog orgId={orgId} />
      </div>
      {apiKeys.error ? (
        <Alert tone="error" className="m-4">
          Could not load the keys: {apiKeys.error.message}
        </Alert>
      ) : null}
      {apiKeys.data && apiKeys.data.length === 0 ? (
        <p className="p-6 text-sm text-slate-600">No API keys yet. Create one for each program that calls Attest.</p>
      ) : null}
      {apiKeys.data && apiKeys.data.length > 0 ? (
        <Table aria-label="API keys" stackOnPhone>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Prefix</TableHeaderCell>
              <TableHeaderCell>Scopes</TableHeaderCell>
              <TableHeaderCell>Created</TableHeaderCell>
              <TableHeaderCell>Last used</TableHeaderCell>
              <TableHeaderCell>Expires</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {apiKeys.data.map((apiKey) => (
              <TableRow key={apiKey.id}>
                <TableCell className="font-medium text-slate-900">{apiKey.name}</TableCell>
                <TableCell label="Prefix" className="font-mono text-xs whitespace-nowrap">
                  {apiKey.prefix}…
                </TableCell>
                <TableCell label="Scopes">
                  <ul className="flex flex-wrap gap-1">
                    {apiKey.scopes.map((scope) => (
                      <li key={scope} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
                        {scope}
                      </li>
                    ))}
                  </ul>
                </TableCell>
                <TableCell label="Created" className="min-w-28">
                  {formatDateTime(apiKey.createdAt)}
                  <span className="block text-xs break-words text-slate-600">
                    by {apiKey.createdBy?.email ?? "a program or a removed user"}
                  </span>
                </TableCell>
                <TableCell label="Last used" className="min-w-28">
                  {apiKey.lastUsedAt ? (
                    formatDateTime(apiKey.lastUsedAt)
                  ) : (
                    <span className="text-slate-500">Never</span>
                  )}
                </TableCell>
                <TableCell label="Expires" className="min-w-28">
                  {apiKey.expiresAt ? (
                    formatDateTime(apiKey.expiresAt)
                  ) : (
                    <span className="text-slate-500">No expiry</span>
                  )}
                </TableCell>
                <TableCell label="Status">
                  {apiKey.revokedAt ? (
                    <span className="block min-w-28">
                      <Badge tone="danger">Revoked</Badge>
                      <span className="mt-1 block text-xs break-words text-slate-600">
                        {formatDateTime(apiKey.revokedAt)}
                        {apiKey.revokedBy ? ` by ${apiKey.revokedBy.email}` : ""}
                      </span>
                    </span>
                  ) : apiKey.status === "expired" ? (
                    <Badge tone="neutral">Expired</Badge>
                  ) : (
                    // The action sits with the status so narrow windows need no sideways scrolling.
                    <span className="flex flex-wrap items-center gap-2">
                      <Badge tone="success">Active</Badge>
                      <RevokeApiKeyButton orgId={orgId} apiKey={apiKey} />
                    </span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Card>
  );
}
