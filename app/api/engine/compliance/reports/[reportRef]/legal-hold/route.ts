// PUT /api/engine/compliance/reports/:id/legal-hold — put a report on legal hold or release it (admins, keys with reports:write; audited)
import { readJsonBody } from "@/lib/api/read-json-body";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { withRoute } from "@/lib/api/with-route";
import { legalHoldBodySchema } from "@/lib/compliance/retention/retention-schemas";
import { setReportLegalHold } from "@/lib/compliance/retention/set-report-legal-hold";

type Params = { reportRef: string };

export const PUT = withRoute<Params>(
  { permission: "reports:write" },
  async ({ request, identity, params, clientIp }) => {
    const { legalHold } = await readJsonBody(request, legalHoldBodySchema);
    return Response.json(await setReportLegalHold({ identity, ip: clientIp }, params.reportRef, legalHold));
  },
);

export const { GET, POST, PATCH, DELETE } = rejectOtherMethods(["PUT"]);
