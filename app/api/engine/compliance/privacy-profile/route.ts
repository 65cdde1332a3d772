// /api/engine/compliance/privacy-profile — the controller's privacy contacts, quoted in dsar reports
//   GET — the profile (admins, auditors, keys with reports:read)
//   PUT — replace it (admins)
import { readJsonBody } from "@/lib/api/read-json-body";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { withRoute } from "@/lib/api/with-route";
import { getPrivacyProfile } from "@/lib/privacy/get-privacy-profile";
import { privacyProfileBodySchema } from "@/lib/privacy/schemas";
import { updatePrivacyProfile } from "@/lib/privacy/update-privacy-profile";

export const GET = withRoute({ permission: "reports:read" }, async ({ identity }) => {
  return Response.json(await getPrivacyProfile({ identity }));
});

export const PUT = withRoute({ permission: "org:admin" }, async ({ request, identity, clientIp }) => {
  const body = await readJsonBody(request, privacyProfileBodySchema);
  return Response.json(await updatePrivacyProfile({ identity, ip: clientIp }, body));
});

export const { POST, PATCH, DELETE } = rejectOtherMethods(["GET", "PUT"]);
