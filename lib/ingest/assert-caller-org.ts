// The org of pushed records is always the caller's: a body or record naming
// another org is refused (403, per field) rather than quietly rewritten.
import { AppError, type FieldErrors } from "@/lib/errors/app-error";

type OrgNaming = { orgId?: string; records: readonly { orgId?: string }[] };

/** The org is always the caller's: a body or record naming another org is refused. */
export function assertCallerOrg(orgId: string, batch: OrgNaming): void {
  const fields: FieldErrors = {};
  if (batch.orgId !== undefined && batch.orgId !== orgId) fields.orgId = ["Must be your current organization"];
  batch.records.forEach((record, index) => {
    if (record.orgId !== undefined && record.orgId !== orgId) {
      fields[`records.${index}.orgId`] = ["Must be your current organization"];
    }
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError("forbidden", "Records can only be written to your current organization", { fields });
  }
}
