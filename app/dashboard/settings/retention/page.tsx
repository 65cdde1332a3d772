import type { Metadata } from "next";
import { RetentionForm } from "@/components/settings/retention-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";
import { getComplianceSettings } from "@/lib/compliance/retention/get-compliance-settings";
import { maxReportRetentionDays, minReportRetentionDays } from "@/lib/compliance/retention/retention-schemas";

export const metadata: Metadata = { title: "Report retention" };

export default async function RetentionSettingsPage() {
  // Non-admins get forbidden() → 403 and app/dashboard/forbidden.tsx.
  const { identity } = await requirePageIdentity({
    permission: "org:admin",
    callbackUrl: "/dashboard/settings/retention",
  });
  const settings = await getComplianceSettings({ identity });
  return (
    <>
      <SettingsNav current="/dashboard/settings/retention" />
      <PageHeader
        title="Report retention"
        description="How long completed reports keep their files. Reports on legal hold are never purged."
      />
      <RetentionForm
        initialDays={settings.reportRetentionDays}
        min={minReportRetentionDays}
        max={maxReportRetentionDays}
      />
    </>
  );
}
