import type { Metadata } from "next";
import Link from "next/link";
import { DataSubjectRequestsPanel } from "@/components/privacy/data-subject-requests-panel";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/identity";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";
import { listDataSubjectRequests } from "@/lib/privacy/list-data-subject-requests";
import { listDataSubjectRequestsQuerySchema } from "@/lib/privacy/schemas";

export const metadata: Metadata = { title: "Data-subject requests" };

// Admins record and answer requests; auditors read them; members are refused (403).
export default async function DataSubjectRequestsPage() {
  const { identity } = await requirePageIdentity({
    permission: "reports:read",
    callbackUrl: "/dashboard/compliance/requests",
  });
  const initialPage = await listDataSubjectRequests(
    { identity },
    listDataSubjectRequestsQuerySchema.parse({ limit: "200" }),
  );
  return (
    <>
      <Link href="/dashboard/compliance" className="mb-3 inline-block text-sm text-slate-600 hover:text-slate-900">
        ← Back to Compliance
      </Link>
      <PageHeader
        title="Data-subject requests"
        description={
          <>
            Access requests (GDPR Art. 15) are due one month after receipt, extendable by two further months with a
            reason. The access report quotes the{" "}
            <Link href="/dashboard/compliance/privacy-profile" className="font-medium text-sky-700 underline">
              privacy profile
            </Link>
            .
          </>
        }
      />
      <DataSubjectRequestsPanel
        orgId={identity.orgId}
        canWrite={hasPermission(identity, "reports:write")}
        initialPage={initialPage}
      />
    </>
  );
}
