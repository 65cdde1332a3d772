import type { Metadata } from "next";
import Link from "next/link";
import { PrivacyProfileForm } from "@/components/privacy/privacy-profile-form";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/identity";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";
import { getPrivacyProfile } from "@/lib/privacy/get-privacy-profile";

export const metadata: Metadata = { title: "Privacy profile" };

// Admins edit; auditors read; members are refused (403).
export default async function PrivacyProfilePage() {
  const { identity } = await requirePageIdentity({
    permission: "reports:read",
    callbackUrl: "/dashboard/compliance/privacy-profile",
  });
  const profile = await getPrivacyProfile({ identity });
  return (
    <>
      <Link href="/dashboard/compliance" className="mb-3 inline-block text-sm text-slate-600 hover:text-slate-900">
        ← Back to Compliance
      </Link>
      <PageHeader
        title="Privacy profile"
        description="Who the controller is, how to reach them and their data protection officer, and the supervisory authority a data subject may complain to. Data-subject access reports quote it."
      />
      <PrivacyProfileForm
        orgId={identity.orgId}
        initialProfile={profile}
        canEdit={hasPermission(identity, "org:admin")}
      />
    </>
  );
}
