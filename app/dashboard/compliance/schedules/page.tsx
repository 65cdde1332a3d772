import type { Metadata } from "next";
import Link from "next/link";
import { SchedulesPanel } from "@/components/schedules/schedules-panel";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/identity";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";
import { listScheduleTypeOptions } from "@/lib/compliance/schedules/list-schedule-type-options";

export const metadata: Metadata = { title: "Scheduled reports" };

// Admins create and manage schedules; auditors read them and their records; members are refused (403).
export default async function SchedulesPage() {
  const { identity } = await requirePageIdentity({
    permission: "reports:read",
    callbackUrl: "/dashboard/compliance/schedules",
  });
  return (
    <>
      <Link href="/dashboard/compliance" className="mb-3 inline-block text-sm text-slate-600 hover:text-slate-900">
        ← Back to Compliance
      </Link>
      <PageHeader
        title="Scheduled reports"
        description="A report for every closed week, month or quarter, queued by itself, with a continuous record that shows any gap."
      />
      <SchedulesPanel types={listScheduleTypeOptions()} canManage={hasPermission(identity, "reports:write")} />
    </>
  );
}
