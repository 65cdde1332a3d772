// Fair claiming across orgs: the claim orders waiting reports first by when
// their org last had a report started (never: first), then oldest first. So
// after each claim the org just served goes to the back, and one org with a
// thousand queued reports takes turns with an org that queued one, instead of
// making it wait behind all of them. Served by the ("orgId", "startedAt") index.
// Inside the claim's own `SELECT … FROM "Report"`, "Report" names the candidate row.
import { Prisma } from "@/lib/generated/sqlite/client";

export const orgLastStartedReport = Prisma.sql`(SELECT MAX(served."startedAt") FROM "Report" served WHERE served."orgId" = "Report"."orgId")`;
