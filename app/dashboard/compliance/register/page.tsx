import type { Metadata } from "next";
import Link from "next/link";
import { ProcessingRegisterPanel } from "@/components/processing-register/processing-register-panel";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/identity";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";
import { registerColumns } from "@/lib/processing-register/register-columns";

export const metadata: Metadata = { title: "Record of processing activities" };

// Readers export; admins (who may write the register) also import; members are refused (403).
export default async function ProcessingRegisterPage() {
  const { identity } = await requirePageIdentity({
    permission: "reports:read",
    callbackUrl: "/dashboard/compliance/register",
  });
  return (
    <>
      <Link href="/dashboard/compliance" className="mb-3 inline-block text-sm text-slate-600 hover:text-slate-900">
        ← Back to Compliance
      </Link>
      <PageHeader
        title="Record of processing activities"
        description="The GDPR Art. 30 register as a spreadsheet: export it as CSV, edit it, import it again."
      />
      <ProcessingRegisterPanel canImport={hasPermission(identity, "events:write")} columns={registerColumns} />
    </>
  );
}
