import type { Metadata } from "next";
import { StatCard } from "@/components/dashboard/stat-card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";
import { getOverviewCounts } from "@/lib/dashboard/get-overview-counts";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const { identity, org } = await requirePageIdentity({ callbackUrl: "/dashboard" });
  const counts = await getOverviewCounts({ orgId: identity.orgId });
  return (
    <>
      <PageHeader title="Overview" description={`What ${org.name}'s agents and people have on record.`} />
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Agents" value={counts.agents} href="/dashboard/agents" />
        <StatCard label="Emails" value={counts.emails} hint="Sent and received by agents" />
        <StatCard label="Audit events" value={counts.auditEvents} hint="Engine audit trail" />
        <StatCard label="DLP violations" value={counts.dlpViolations} hint="Caught by data-loss-prevention rules" />
      </dl>
    </>
  );
}
