// Where a person lands after signing in when no page asked for them: auditors
// come to read reports, so they open the Reports list; admins and members the Overview.
import type { Role } from "@/lib/auth/identity";

export const reportsListPath = "/dashboard/compliance?tab=reports";

export function landingPathFor(role: Role): string {
  return role === "auditor" ? reportsListPath : "/dashboard";
}
