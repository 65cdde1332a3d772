// The caller's org's requests, soonest due first, filtered by status, deadline
// (overdue / due within N days, open and extended only) and text; keyset pages.
import type { Prisma } from "@/lib/generated/sqlite/client";
import { AppError } from "@/lib/errors/app-error";
import { deadlineBounds } from "./deadline-state";
import { clockOf, privacyDatabaseOf, type PrivacyContext } from "./privacy-context";
import type { DataSubjectRequestPage, ListDataSubjectRequestsQuery } from "./schemas";
import { dataSubjectRequestSelect, toDataSubjectRequestResponse } from "./to-data-subject-request-response";

export const pendingStatuses = ["open", "extended"];

export async function listDataSubjectRequests(
  ctx: PrivacyContext,
  query: ListDataSubjectRequestsQuery,
): Promise<DataSubjectRequestPage> {
  const clock = clockOf(ctx);
  const db = privacyDatabaseOf(ctx);
  const where: Prisma.DataSubjectRequestWhereInput[] = [{ orgId: ctx.identity.orgId }];
  if (query.status?.length) where.push({ status: { in: query.status } });
  if (query.overdue !== undefined || query.dueWithinDays !== undefined) {
    const { overdueBefore, dueSoonUntil } = deadlineBounds(clock, query.dueWithinDays ?? 0);
    where.push({ status: { in: pendingStatuses } });
    const overdue = { dueAt: { lt: overdueBefore } };
    const dueSoon = { dueAt: { gte: overdueBefore, lte: dueSoonUntil } };
    // Both asked: either kind of attention; overdue=false alone: not overdue.
    if (query.overdue === true && query.dueWithinDays !== undefined) where.push({ OR: [overdue, dueSoon] });
    else if (query.overdue === true) where.push(overdue);
    else if (query.dueWithinDays !== undefined) where.push(dueSoon);
    else where.push({ dueAt: { gte: overdueBefore } });
  }
  if (query.q) where.push({ subjectSearch: { contains: query.q.toLowerCase() } });
  if (query.cursor) {
    const exists = await db.dataSubjectRequest.findFirst({
      where: { id: query.cursor, orgId: ctx.identity.orgId },
      select: { id: true },
    });
    if (!exists) {
      throw new AppError("validation_failed", "The request is invalid", { fields: { cursor: ["Unknown cursor"] } });
    }
  }
  const rows = await db.dataSubjectRequest.findMany({
    where: { AND: where },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    select: dataSubjectRequestSelect,
  });
  const page = rows.slice(0, query.limit);
  return {
    requests: page.map((row) => toDataSubjectRequestResponse(row, clock)),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
