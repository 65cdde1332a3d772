// POST /api/engine/compliance/processing-activities/import — upsert the org's Art. 30 register from a CSV
// spreadsheet (text/csv); all or nothing, problems listed by row and column. 201 when an activity was created, else 200.
import { readCsvBody } from "@/lib/api/read-csv-body";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { withRoute } from "@/lib/api/with-route";
import { importProcessingRegister } from "@/lib/processing-register/import-processing-register";
import { maxRegisterCsvBytes } from "@/lib/processing-register/register-columns";

export const POST = withRoute({ permission: "events:write" }, async ({ request, identity }) => {
  const csv = await readCsvBody(request, { maxBytes: maxRegisterCsvBytes });
  const result = await importProcessingRegister({ identity }, csv);
  return Response.json(result, { status: result.created > 0 ? 201 : 200 });
});

export const { GET, PUT, PATCH, DELETE } = rejectOtherMethods(["POST"]);
