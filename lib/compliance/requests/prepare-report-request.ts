// Turns a validated request body into a report's scope and title, checking it
// against the caller's org: an orgId naming another org is 403, an agent that
// is not in the org is 400 naming the unknown ids.
import { AppError } from "@/lib/errors/app-error";
import type { Identity } from "@/lib/auth/identity";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { buildReportTitle } from "@/lib/compliance/reports/build-report-title";
import type { ReportScope, ReportType } from "@/lib/compliance/reports/report-definition";
import type { ReportRequestBody } from "@/lib/compliance/requests/schemas";

export type PreparedReportRequest = { type: ReportType; scope: ReportScope; title: string };

export async function prepareReportRequest(
  ctx: ComplianceContext,
  type: ReportType,
  body: ReportRequestBody,
): Promise<PreparedReportRequest> {
  const { identity } = ctx;
  assertCallerOrg(identity, body.orgId);

  const agentIds = agentIdsOf(body);
  const field = type === "gdpr" ? "agentId" : "agentIds";

  const agents = agentIds.length
    ? await databaseOf(ctx).agent.findMany({
        where: { orgId: identity.orgId, id: { in: agentIds } },
        select: { id: true, name: true },
      })
    : [];
  const names = new Map(agents.map((agent) => [agent.id, agent.name]));
  const unknown = agentIds.filter((id) => !names.has(id));
  if (unknown.length > 0) {
    throw new AppError("validation_failed", "The request is invalid", {
      fields: {
        [field]: [`Unknown agent${unknown.length > 1 ? "s" : ""} in this organization: ${unknown.join(", ")}`],
      },
    });
  }

  const scope: ReportScope = { agentIds };
  if ("dateRange" in body && body.dateRange) scope.dateRange = { from: body.dateRange.from, to: body.dateRange.to };
  const title = buildReportTitle(
    type,
    scope,
    agentIds.map((id) => names.get(id) ?? id),
  );
  return { type, scope, title };
}

/** `orgId` may be left out; when given it must be the caller's org. */
export function assertCallerOrg(identity: Identity, orgId: string | undefined): void {
  if (orgId !== undefined && orgId !== identity.orgId) {
    throw new AppError("forbidden", "orgId must be your current organization");
  }
}

function agentIdsOf(body: ReportRequestBody): string[] {
  if ("agentId" in body && body.agentId) return [body.agentId];
  if ("agentIds" in body && body.agentIds) return body.agentIds;
  return [];
}
