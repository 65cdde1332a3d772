// GET /api/engine/compliance/processing-activities/export.csv — the org's Art. 30 register as CSV, in the columns the import reads
import { withRoute } from "@/lib/api/with-route";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { buildContentDisposition } from "@/lib/compliance/requests/build-content-disposition";
import { streamProcessingRegisterCsv } from "@/lib/processing-register/stream-processing-register-csv";

export const GET = withRoute({ permission: "reports:read" }, async ({ identity }) => {
  const day = new Date().toISOString().slice(0, 10);
  return new Response(streamProcessingRegisterCsv({ orgId: identity.orgId }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": buildContentDisposition(`processing-activities-${day}`, "csv"),
      "cache-control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = rejectOtherMethods(["GET"]);
