// The audit-chain heads an org's earlier reports signed, read back from their
// stored statements. The statement row's digest must match its JWS text and
// each statement must name the stored one before it; the signature itself is
// not re-checked here (the public keys and `npm run verify` do that).
import { z } from "zod";
import { reportStatementSchema } from "@/lib/signing/report-statement";
import { statementDigest } from "@/lib/signing/sign-report-statement";
import type { Database } from "@/lib/db";

const PAGE_SIZE = 500;

export type ReportCheckpoint = {
  reportId: string;
  /** The statement's place in the org's chain of statements. */
  statementSeq: number;
  signedAt: string;
  /** The audit-chain head the report signed; null when the org had no events then. */
  head: { seq: number; hash: string } | null;
  /** Why the stored statement itself cannot be trusted as a checkpoint, or null. */
  problem: string | null;
};

// The fields read here; the rest of the payload is the verifier's business.
const checkpointPayload = z.object({
  reportId: reportStatementSchema.shape.reportId,
  auditChainHead: reportStatementSchema.shape.auditChainHead,
  previousStatement: reportStatementSchema.shape.previousStatement,
});

export async function readReportCheckpoints(db: Database, orgId: string): Promise<ReportCheckpoint[]> {
  const checkpoints: ReportCheckpoint[] = [];
  let previous: { seq: number; reportId: string; sha256: string } | null = null;
  let afterSeq = 0;
  for (;;) {
    const rows = await db.reportStatement.findMany({
      where: { orgId, seq: { gt: afterSeq } },
      orderBy: { seq: "asc" },
      take: PAGE_SIZE,
      select: { seq: true, reportId: true, jws: true, sha256: true, signedAt: true },
    });
    for (const row of rows) {
      const payload = decodePayload(row.jws);
      let problem: string | null = null;
      if (statementDigest(row.jws) !== row.sha256) {
        problem = "The stored statement does not match its recorded SHA-256";
      } else if (!payload) {
        problem = "The stored statement's payload is not a report statement";
      } else if (payload.reportId !== row.reportId) {
        problem = `The stored statement names report ${payload.reportId}`;
      } else if (row.seq !== (previous?.seq ?? 0) + 1) {
        problem = `Statement ${(previous?.seq ?? 0) + 1} of the org's chain of statements is missing`;
      } else if ((payload.previousStatement?.sha256 ?? null) !== (previous?.sha256 ?? null)) {
        problem = "The statement's predecessor is not the stored statement before it";
      }
      checkpoints.push({
        reportId: row.reportId,
        statementSeq: row.seq,
        signedAt: row.signedAt.toISOString(),
        head: payload?.auditChainHead ?? null,
        problem,
      });
      previous = { seq: row.seq, reportId: row.reportId, sha256: row.sha256 };
    }
    if (rows.length < PAGE_SIZE) return checkpoints;
    afterSeq = rows[rows.length - 1]!.seq;
  }
}

function decodePayload(jws: string): z.output<typeof checkpointPayload> | null {
  const encoded = jws.split(".")[1];
  if (encoded === undefined) return null;
  try {
    const parsed = checkpointPayload.safeParse(JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
