// The profile of the database a Prisma client talks to (known from the URL it
// was made with: no connection is opened to find out).
import type { Database } from "@/lib/db/database";
import { providerOf } from "@/lib/db/raw-sql-of";
import { getReportEngineProfile } from "@/lib/compliance/profiles/get-report-engine-profile";
import type { ReportEngineProfile } from "@/lib/compliance/profiles/report-engine-profile";

export function reportEngineProfileOf(database: Database): ReportEngineProfile {
  return getReportEngineProfile(providerOf(database));
}
