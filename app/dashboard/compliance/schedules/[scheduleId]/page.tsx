import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ScheduleRecordView } from "@/components/schedules/schedule-record-view";
import { cadenceLabels } from "@/components/schedules/schedule-api";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";
import { reportTypeDefinition } from "@/lib/compliance/reports/registry";
import { getReportSchedule } from "@/lib/compliance/schedules/get-report-schedule";
import { AppError } from "@/lib/errors/app-error";

export const metadata: Metadata = { title: "Schedule record" };

type Props = { params: Promise<{ scheduleId: string }> };

// The continuous record of one schedule (admins and auditors); another org's id is a 404.
export default async function ScheduleRecordPage({ params }: Props) {
  const { scheduleId } = await params;
  const { identity } = await requirePageIdentity({
    permission: "reports:read",
    callbackUrl: `/dashboard/compliance/schedules/${encodeURIComponent(scheduleId)}`,
  });
  const schedule = await getReportSchedule({ identity }, scheduleId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const cadence = cadenceLabels[schedule.cadence].split(" (")[0];
  return (
    <>
      <Link
        href="/dashboard/compliance/schedules"
        className="mb-3 inline-block text-sm text-slate-600 hover:text-slate-900"
      >
        ← Back to schedules
      </Link>
      <PageHeader
        title={`${cadence} ${reportTypeDefinition(schedule.type).label}`}
        description={`Continuous record since ${schedule.firstPeriodStart} (${schedule.status}). Each closed period shows its report, or the gap: failed, deleted or missing.`}
      />
      <ScheduleRecordView scheduleId={schedule.id} />
    </>
  );
}
