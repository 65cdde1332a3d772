import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "next/link";
import { ReportInOtherOrg } from "@/components/compliance/report-in-other-org";
import { ReportTypeCatalogueProvider } from "@/components/compliance/report-type-catalogue-context";
import { ReportViewer } from "@/components/compliance/report-viewer";
import { hasPermission, roleHasPermission } from "@/lib/auth/identity";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";
import { findReportOrganization } from "@/lib/compliance/requests/find-report-organization";
import { listReportTypes } from "@/lib/compliance/requests/list-report-types";

export const metadata: Metadata = { title: "Report" };

type ReportPageProps = { params: Promise<{ id: string }> };

// Anyone who may read reports (admins, auditors) may view one; the API checks the org again.
// Those who may write reports (admins) may also share it. A report of another org the
// person reads reports in offers to switch there; any other report is simply not found.
export default async function ReportPage({ params }: ReportPageProps) {
  const { id } = await params;
  const { identity, org, orgs } = await requirePageIdentity({
    callbackUrl: `/dashboard/compliance/reports/${encodeURIComponent(id)}`,
  });
  // Most people have one org: no lookup, and the viewer's own request answers not found.
  const hasOtherReaderOrg = orgs.some(
    (candidate) => candidate.id !== org.id && roleHasPermission(candidate.role, "reports:read"),
  );
  const located = hasOtherReaderOrg ? await findReportOrganization({ identity }, id) : null;
  if (located && located.id !== org.id) {
    return (
      <ReportInOtherOrg
        orgId={located.id}
        orgName={located.name}
        currentOrgName={org.name}
        stayHref={hasPermission(identity, "reports:read") ? "/dashboard/compliance?tab=reports" : "/dashboard"}
      />
    );
  }
  if (!hasPermission(identity, "reports:read")) forbidden();
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
