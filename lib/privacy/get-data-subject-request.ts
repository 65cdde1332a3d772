// One request of the caller's org; another org's id answers 404 like a missing one.
import { notFound } from "@/lib/errors/not-found";
import { clockOf, privacyDatabaseOf, type PrivacyContext } from "./privacy-context";
import type { DataSubjectRequestResponse } from "./schemas";
import { dataSubjectRequestSelect, toDataSubjectRequestResponse } from "./to-data-subject-request-response";

export async function getDataSubjectRequest(ctx: PrivacyContext, id: string): Promise<DataSubjectRequestResponse> {
  const request = await privacyDatabaseOf(ctx).dataSubjectRequest.findFirst({
    where: { id, orgId: ctx.identity.orgId },
    select: dataSubjectRequestSelect,
  });
  if (!request) throw notFound("Data-subject request");
  return toDataSubjectRequestResponse(request, clockOf(ctx));
}
