import type { Metadata } from "next";
import { StatCard } from "@/components/dashboard/stat-card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";
import { getOverviewCounts } from "@/lib/dashboard/get-overview-counts";
import { getRecentActivityCounts } from "@/lib/dashboard/get-recent-activity-counts";
import { hasPermission } from "@/lib/auth/identity";
import { countDataSubjectDeadlines } from "@/lib/privacy/count-data-subject-deadlines";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const { identity, org } = await requirePageIdentity({ callbackUrl: "/dashboard" });
  // Members see nothing of the compliance area, its requests included.
  const canReadRequests = hasPermission(identity, "reports:read");
  const [counts, recent, deadlines] = await Promise.all([
    getOverviewCounts({ orgId: identity.orgId }),
    getRecentActivityCounts({ orgId: identity.orgId }),
    canReadRequests ? countDataSubjectDeadlines({ orgId: identity.orgId }) : null,
  ]);
  return (
    <>
      <PageHeader title="Overview" description={`What ${org.name}'s agents and people have on record.`} />
      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading" className="sr-only">
          All time
        </h2>
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
          <StatCard label="Agents" value={counts.agents} href="/dashboard/agents" />
          <StatCard label="Emails" value={counts.emails} hint="Sent and received by agents" />
          <StatCard label="Audit events" value={counts.auditEvents} hint="Engine audit trail" />
          <StatCard label="DLP violations" value={counts.dlpViolations} hint="Caught by data-loss-prevention rules" />
        </dl>
      </section>
      {deadlines ? (
        <section aria-labelledby="requests-heading" className="mt-8">
          <h2 id="requests-heading" className="mb-3 text-base font-semibold text-slate-900">
            Data-subject requests
          </h2>
          <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
            <StatCard
              label="Overdue requests"
              value={deadlines.overdue}
              hint="Past the one-month deadline (with any extension)"
              href="/dashboard/compliance/requests"
            />
            <StatCard
              label="Requests due soon"
              value={deadlines.dueSoon}
              hint={`Due within ${deadlines.days} days`}
              href="/dashboard/compliance/requests"
            />
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="recent-heading" className="mt-8">
        <h2 id="recent-heading" className="mb-3 text-base font-semibold text-slate-900">
          Last {recent.days} days
        </h2>
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
          <StatCard label="Emails" value={recent.emails} />
          <StatCard label="DLP violations" value={recent.dlpViolations} />
          <StatCard
            label="Denied agent actions"
            value={recent.deniedAgentActions}
            hint="Blocked by permission boundaries"
          />
          <StatCard label="Failed sign-ins" value={recent.failedSignIns} />
        </dl>
      </section>
    </>
  );
}
