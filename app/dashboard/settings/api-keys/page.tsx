import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  // Non-admins get forbidden() → 403 and app/dashboard/forbidden.tsx.
  const { identity } = await requirePageIdentity({
    permission: "org:admin",
    callbackUrl: "/dashboard/settings/api-keys",
  });
  const apiKeys = await listApiKeys({ orgId: identity.orgId });
  return (
    <>
      <SettingsNav current="/dashboard/settings/api-keys" />
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let programs (scripts, GRC tools, the platform&apos;s event pipeline) call Attest&apos;s API for this
            organization. Attest keeps only a hash of each key. What the API offers:{" "}
            <Link href="/docs/api" className="font-medium text-sky-700 underline hover:text-sky-900">
              API reference
            </Link>
            .
          </>
        }
      />
      <ApiKeysPanel orgId={identity.orgId} initialApiKeys={apiKeys} />
    </>
  );
}
