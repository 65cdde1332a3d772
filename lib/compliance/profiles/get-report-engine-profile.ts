// Picks the report engine's profile for a database provider.
import type { DatabaseProvider } from "@/lib/db/database-url";
import { postgresqlProfile } from "@/lib/compliance/profiles/postgresql-profile";
import type { ReportEngineProfile } from "@/lib/compliance/profiles/report-engine-profile";
import { sqliteProfile } from "@/lib/compliance/profiles/sqlite-profile";

const profiles: Record<DatabaseProvider, ReportEngineProfile> = {
  sqlite: sqliteProfile,
  postgresql: postgresqlProfile,
};

export function getReportEngineProfile(provider: DatabaseProvider): ReportEngineProfile {
  return profiles[provider];
}
