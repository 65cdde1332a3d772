import type { Metadata } from "next";
import Link from "next/link";
import { ReportTypeCatalogueProvider } from "@/components/compliance/report-type-catalogue-context";
import { ReportViewer } from "@/components/compliance/report-viewer";
import { hasPermission } from "@/lib/auth/identity";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";
import { listReportTypes } from "@/lib/compliance/requests/list-report-types";

export const metadata: Metadata = { title: "Report" };

type ReportPageProps = { params: Promise<{ id: string }> };

// Anyone who may read reports (admins, auditors) may view one; the API checks the org again.
// Those who may write reports (admins) may also share it.
export default async function ReportPage({ params }: ReportPageProps) {
  const { id } = await params;
  const { identity } = await requirePageIdentity({
    permission: "reports:read",
    callbackUrl: `/dashboard/compliance/reports/${encodeURIComponent(id)}`,
  });
  return (
    <>
      <Link
        href="/dashboard/compliance?tab=reports"
        className="mb-3 inline-block text-sm text-slate-600 hover:text-slate-900 print:hidden"
      >
        ← Back to reports
      </Link>
      <ReportTypeCatalogueProvider catalogue={listReportTypes()}>
        <ReportViewer id={id} canShare={hasPermission(identity, "reports:write")} />
      </ReportTypeCatalogueProvider>
    </>
  );
}
