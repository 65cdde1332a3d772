import type { ReportEngineProfile } from "@/lib/compliance/profiles/report-engine-profile";
import { getEnv } from "@/lib/env";

/** How long an on-demand set of report threads stays after its last report: the setting, else the database's choice. */
export function reportThreadLingerMs(profile: Pick<ReportEngineProfile, "lingerSeconds">): number {
  return (getEnv().REPORT_WORKER_LINGER_SECONDS ?? profile.lingerSeconds) * 1000;
}
