import type { Metadata } from "next";
import Link from "next/link";
import { AgentsTable } from "@/components/agents/agents-table";
import { buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { viewAgentsPermission } from "@/lib/agents/view-agents-permission";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";
import { listAgentsWithBoundaries } from "@/lib/dashboard/list-agents-with-boundaries";

export const metadata: Metadata = { title: "Agents" };

type AgentsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AgentsPage({ searchParams }: AgentsPageProps) {
  // The same permission as GET /api/agents: members get a 403 page, as the API refuses them.
  const { identity } = await requirePageIdentity({
    permission: viewAgentsPermission,
    callbackUrl: "/dashboard/agents",
  });
  const requestedPage = Number((await searchParams).page);
  const result = await listAgentsWithBoundaries(
    { orgId: identity.orgId },
    { page: Number.isFinite(requestedPage) ? requestedPage : 1 },
  );
  return (
    <>
      <PageHeader
        title="Agents"
        description="Each agent's permission boundaries: the tools it may call, the domains it may email and how many emails it may send a day."
      />
      <Card>
        {result.agents.length === 0 ? (
          <p className="p-6 text-sm text-slate-600">This organization has no agents yet.</p>
        ) : (
          <AgentsTable agents={result.agents} />
        )}
      </Card>
      {result.pageCount > 1 ? (
        <nav aria-label="Agent pages" className="mt-4 flex items-center justify-between text-sm text-slate-600">
          <span>
            Page {result.page} of {result.pageCount} · {result.total} agents
          </span>
          <span className="flex gap-2">
            {result.page > 1 ? (
              <Link className={buttonClassName("secondary", "sm")} href={`/dashboard/agents?page=${result.page - 1}`}>
                Previous
              </Link>
            ) : null}
            {result.page < result.pageCount ? (
              <Link className={buttonClassName("secondary", "sm")} href={`/dashboard/agents?page=${result.page + 1}`}>
                Next
              </Link>
            ) : null}
          </span>
        </nav>
      ) : null}
    </>
  );
}
