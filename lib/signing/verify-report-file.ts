// The offline check an auditor runs: is this file one of the artifacts a
// validly signed statement names, byte for byte? Streams the file, so its
// size does not matter.
import { createHash } from "node:crypto";
import fs from "node:fs";
import type { PublishedSigningKey } from "@/lib/signing/signing-key";
import type { ReportStatement } from "@/lib/signing/report-statement";
import { verifyReportStatement } from "@/lib/signing/verify-report-statement";

export type ReportFileVerification =
  | {
      valid: true;
      statement: ReportStatement;
      key: PublishedSigningKey;
      file: { sha256: string; byteSize: number; format: string };
    }
  | { valid: false; reason: string; file?: { sha256: string; byteSize: number } };

export async function verifyReportFile(
  filePath: string,
  jws: string,
  keys: readonly PublishedSigningKey[],
): Promise<ReportFileVerification> {
  const signature = await verifyReportStatement(jws, keys);
  if (!signature.valid) return signature;
  const file = await digestFile(filePath);
  const artifact = signature.statement.artifacts.find((candidate) => candidate.sha256 === file.sha256);
  if (!artifact) {
    return {
      valid: false,
      reason: `The file's SHA-256 ${file.sha256} is none of the statement's artifacts (${signature.statement.artifacts
        .map((a) => `${a.format} ${a.sha256}`)
        .join(", ")})`,
      file,
    };
  }
  if (artifact.byteSize !== file.byteSize) {
    return {
      valid: false,
      reason: `The file has ${file.byteSize} bytes; the statement says ${artifact.byteSize}`,
      file,
    };
  }
  return {
    valid: true,
    statement: signature.statement,
    key: signature.key,
    file: { ...file, format: artifact.format },
  };
}

async function digestFile(filePath: string): Promise<{ sha256: string; byteSize: number }> {
  const hash = createHash("sha256");
  let byteSize = 0;
  for await (const chunk of fs.createReadStream(filePath)) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    byteSize += bytes.byteLength;
  }
  return { sha256: hash.digest("hex"), byteSize };
}
