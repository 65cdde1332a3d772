// Turns a validated request body into a report's scope and title through its
// type's definition, checking it against the caller's org: an orgId naming
// another org is 403, an agent that is not in the org is 400 naming the
// unknown ids under the body field the type takes them in.
import { AppError } from "@/lib/errors/app-error";
import type { Identity } from "@/lib/auth/identity";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { reportTypeDefinition, type ReportType } from "@/lib/compliance/reports/registry";
import type { ReportScope } from "@/lib/compliance/reports/report-definition";
import type { ReportRequestBody } from "@/lib/compliance/reports/report-type-definition";

export type PreparedReportRequest = { type: ReportType; scope: ReportScope; title: string };

export async function prepareReportRequest(
  ctx: ComplianceContext,
  type: ReportType,
  body: ReportRequestBody,
): Promise<PreparedReportRequest> {
  const { identity } = ctx;
  assertCallerOrg(identity, body.orgId);

  const definition = reportTypeDefinition(type);
  const scope = definition.toScope(body);
  const { agentIds } = scope;

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
        [definition.agentsField]: [
          `Unknown agent${unknown.length > 1 ? "s" : ""} in this organization: ${unknown.join(", ")}`,
        ],
      },
    });
  }

  await definition.checkScope?.(scope, { db: databaseOf(ctx), orgId: identity.orgId });

  const title = definition.title(
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
