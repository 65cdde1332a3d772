import type { Metadata } from "next";
import Link from "next/link";
import { ComplianceTabs } from "@/components/compliance/compliance-tabs";
import { readReportFilters } from "@/components/compliance/report-filters-url";
import { ReportTypeCatalogueProvider } from "@/components/compliance/report-type-catalogue-context";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/identity";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";
import { listReportTypes } from "@/lib/compliance/requests/list-report-types";

export const metadata: Metadata = { title: "Compliance" };

type CompliancePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Admins generate and manage; auditors read and download; members are refused (403).
export default async function CompliancePage({ searchParams }: CompliancePageProps) {
  const params = await searchParams;
  const tab = params.tab === "reports" ? "reports" : "generate";
  const catalogue = listReportTypes();
  const { identity } = await requirePageIdentity({
    permission: "reports:read",
    callbackUrl: tab === "reports" ? "/dashboard/compliance?tab=reports" : "/dashboard/compliance",
  });
  const canGenerate = hasPermission(identity, "reports:write");
  return (
    <>
      <Link href="/dashboard" className="mb-3 inline-block text-sm text-slate-600 hover:text-slate-900 print:hidden">
        ← Back to Dashboard
      </Link>
      <PageHeader
        title="Compliance Reporting"
        description={
          canGenerate
            ? "Generate and manage compliance reports for SOC2, GDPR, and audit requirements."
            : "Read, verify and download your organization's SOC2, GDPR and audit reports."
        }
        actions={
          <>
            <Link href="/dashboard/compliance/schedules" className={buttonClassName("secondary")}>
              Scheduled reports
            </Link>
            <Link href="/dashboard/compliance/requests" className={buttonClassName("secondary")}>
              Data-subject requests
            </Link>
            <Link href="/dashboard/compliance/privacy-profile" className={buttonClassName("secondary")}>
              Privacy profile
            </Link>
          </>
        }
      />
      <p className="-mt-2 mb-4 text-sm print:hidden">
        <Link href="/dashboard/compliance/register" className="font-medium text-sky-700 underline hover:text-sky-900">
          Record of processing activities (Art. 30)
        </Link>{" "}
        — export or import the register as a spreadsheet.
      </p>
      <ReportTypeCatalogueProvider catalogue={catalogue}>
        <ComplianceTabs
          canGenerate={canGenerate}
          initialTab={tab}
          initialFilters={readReportFilters(
            params,
            catalogue.map((option) => option.type),
          )}
        />
      </ReportTypeCatalogueProvider>
    </>
  );
}
