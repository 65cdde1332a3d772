// /api/engine/compliance/settings
//   GET — the org's compliance settings: report retention in days (read)
//   PUT — change them (admins only; audited)
import { readJsonBody } from "@/lib/api/read-json-body";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { withRoute } from "@/lib/api/with-route";
import { getComplianceSettings } from "@/lib/compliance/retention/get-compliance-settings";
import { updateComplianceSettingsBodySchema } from "@/lib/compliance/retention/retention-schemas";
import { updateComplianceSettings } from "@/lib/compliance/retention/update-compliance-settings";

export const GET = withRoute({ permission: "reports:read" }, async ({ identity }) => {
  return Response.json(await getComplianceSettings({ identity }));
});

export const PUT = withRoute({ permission: "org:admin" }, async ({ request, identity, clientIp }) => {
  const body = await readJsonBody(request, updateComplianceSettingsBodySchema);
  return Response.json(await updateComplianceSettings({ identity, ip: clientIp }, body));
});

export const { POST, PATCH, DELETE } = rejectOtherMethods(["GET", "PUT"]);
