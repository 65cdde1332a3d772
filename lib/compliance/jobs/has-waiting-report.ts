// Whether a report waits for a worker: pending with no live lease (claimable,
// or out of attempts and to be failed). The server polls this while it has no
// report threads running, and starts them only when it answers true.
import type { Database } from "@/lib/db";

export async function hasWaitingReport(db: Database, now = new Date()): Promise<boolean> {
  const waiting = await db.report.findFirst({
    where: { status: "pending", OR: [{ leaseOwner: null }, { leaseExpiresAt: { lt: now } }] },
    select: { id: true },
  });
  return waiting !== null;
}
