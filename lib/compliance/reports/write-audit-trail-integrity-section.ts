// The audit trail integrity section of the SOC2 and Audit Summaries: the
// org's hash chain recomputed as the report is generated, and every earlier
// report's signed chain head re-checked. A broken chain does not fail the
// report: it is the section's finding, stated in words and as `integrity`.
import type { AuditTrailIntegrity } from "@/lib/audit/verify-audit-trail-integrity";
import type { JsonValue, ReportRow } from "./report-definition";
import type { AuditTrailVerification } from "./start-audit-trail-verification";
import type { ReportRun } from "./start-report-run";

export const auditTrailIntegritySectionKey = "audit_trail_integrity";

/** CSV columns of the section's checkpoints table. */
export const auditTrailIntegrityColumns = [
  "report_id",
  "statement_seq",
  "signed_at",
  "seq",
  "hash",
  "status",
  "reason",
] as const;

/** Writes the section once `verification` (started with the build) has its result. */
export async function writeAuditTrailIntegritySection(
  run: Pick<ReportRun, "ctx" | "output">,
  verification: AuditTrailVerification,
  criteria: string[],
): Promise<AuditTrailIntegrity> {
  const { ctx, output } = run;
  const integrity = await verification.result;
  ctx.checkpoint();
  const { chain, period, checkpoints } = integrity;
  const failed = checkpoints.filter((check) => !check.holds);

  await output.startSection(auditTrailIntegritySectionKey, {
    title: "Audit trail integrity",
    description:
      "The organization's audit trail is a hash chain: each event's SHA-256 covers its fields and its predecessor's " +
      "hash. At generation Attest checked the whole chain, from its first event (sequence 1) to its head, one event " +
      "at a time: each event's hash is recomputed from its stored fields, except where this server already verified " +
      "the event's stored text byte for byte (compared by its SHA-256), whose result then stands. The report's period is the part of the chain from the first event, in writing order, that occurred " +
      "at or after the period start, up to the head at generation (events are numbered in the order they were " +
      "written, and ingested events may arrive late). Each earlier report's statement signed the chain head as that " +
      "report saw it; each such checkpoint was re-checked against today's trail: the event at that sequence number " +
      "must still exist with the signed hash, and the chain must verify up to it. A missing checkpoint means the " +
      "newest events were deleted; a different hash means the chain was rewritten after that report was signed. " +
      "Redacted events had personal values erased with their digests kept; they verify. The result is stated in " +
      "`integrity` (verified or broken) and, in words, in `finding`.",
    criteria,
    summary: {
      integrity: integrity.status,
      finding: describeFinding(integrity),
      firstSeq: period.firstSeq,
      lastSeq: period.lastSeq,
      events: period.count,
      headHash: chain.headHash,
      redactedEvents: period.redactedCount,
      chainEventsVerified: chain.count,
      brokenAtSeq: chain.brokenAt?.seq ?? null,
      brokenReason: chain.brokenAt?.reason ?? null,
      earlierCheckpoints: checkpoints.length,
      checkpointsHolding: checkpoints.length - failed.length,
      checkpointResult: describeCheckpoints(integrity),
      ...(failed.length > 0
        ? {
            checkpointsNotHolding: failed.map((check): { [key: string]: JsonValue } => ({
              reportId: check.reportId,
              seq: check.seq,
              reason: check.reason,
            })),
          }
        : {}),
    },
  });
  await output.writeTable(
    "checkpoints",
    checkpoints.map((check): ReportRow => ({
      report_id: check.reportId,
      statement_seq: check.statementSeq,
      signed_at: check.signedAt,
      seq: check.seq,
      hash: check.hash,
      status: check.holds ? "holds" : "no longer holds",
      reason: check.reason,
    })),
  );
  await output.endSection();
  return integrity;
}

function describeCheckpoints({ checkpoints }: AuditTrailIntegrity): string {
  const failed = checkpoints.filter((check) => !check.holds).length;
  if (failed === 0) {
    return checkpoints.length === 1
      ? "1 earlier checkpoint still holds"
      : `${checkpoints.length} earlier checkpoints still hold`;
  }
  return `${failed} of ${checkpoints.length} earlier checkpoints no longer hold`;
}

function describeFinding(integrity: AuditTrailIntegrity): string {
  const { chain, head, checkpoints } = integrity;
  const parts: string[] = [];
  if (chain.status === "broken" && chain.brokenAt) {
    parts.push(
      `FINDING: the audit trail is broken at event ${chain.brokenAt.seq}: ${chain.brokenAt.reason}. ` +
        `Events 1 to ${chain.lastSeq ?? 0} verify; nothing from event ${chain.brokenAt.seq} on can be vouched for.`,
    );
  } else if (head) {
    parts.push(`The chain verifies from event 1 to event ${head.seq}.`);
  } else {
    parts.push("The organization has no audit events yet.");
  }
  const failed = checkpoints.filter((check) => !check.holds);
  if (failed.length > 0) {
    parts.push(
      `FINDING: ${describeCheckpoints(integrity)}: ` +
        failed.map((check) => `report ${check.reportId} (event ${check.seq ?? "none"}): ${check.reason}`).join("; ") +
        ".",
    );
  } else {
    parts.push(`${describeCheckpoints(integrity)}.`);
  }
  return parts.join(" ");
}
