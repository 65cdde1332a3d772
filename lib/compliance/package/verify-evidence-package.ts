// The offline check of an evidence package (npm run verify -- package.zip):
// the statement is validly signed; report.json is the JSON artifact it names;
// every file matches SHA256SUMS and SHA256SUMS lists exactly the package's
// files; SHA256SUMS.jws signs SHA256SUMS; and every other file is exactly
// what report.json and the statement render to, so a package can only be
// what Attest would have produced for that signed report.
import { createHash } from "node:crypto";
import { packageSignatureFile, reportJsonFile, statementFile, sumsFile } from "@/lib/compliance/package/package-layout";
import { readZipEntries } from "@/lib/compliance/package/read-zip-entries";
import { writePackageFiles } from "@/lib/compliance/package/write-package-files";
import type { ReportStatement } from "@/lib/signing/report-statement";
import type { PublishedSigningKey } from "@/lib/signing/signing-key";
import { verifyPackageSums } from "@/lib/signing/verify-package-sums";
import { verifyReportStatement } from "@/lib/signing/verify-report-statement";

export type EvidencePackageVerification =
  | { valid: true; statement: ReportStatement; key: PublishedSigningKey; files: number }
  | { valid: false; reason: string };

const sumLine = /^([0-9a-f]{64}) {2}(.+)$/;

export async function verifyEvidencePackage(
  zipPath: string,
  keys: readonly PublishedSigningKey[],
  { maxDataRows }: { maxDataRows?: number } = {},
): Promise<EvidencePackageVerification> {
  const zip = await readZipEntries(zipPath);
  try {
    for (const required of [reportJsonFile, statementFile, sumsFile, packageSignatureFile]) {
      if (!zip.names.includes(required)) return { valid: false, reason: `The package has no ${required}` };
    }
    const statementJws = (await zip.readAll(statementFile)).toString("utf8");
    const signed = await verifyReportStatement(statementJws, keys);
    if (!signed.valid) return { valid: false, reason: `statement.jws: ${signed.reason}` };

    const sums = await zip.readAll(sumsFile);
    const sumsSignature = await verifyPackageSums(
      (await zip.readAll(packageSignatureFile)).toString("utf8"),
      sums,
      keys,
    );
    if (!sumsSignature.valid) return sumsSignature;

    const listed = new Map<string, string>();
    for (const line of sums.toString("utf8").split("\n").filter(Boolean)) {
      const match = sumLine.exec(line);
      if (!match) return { valid: false, reason: `SHA256SUMS has a line sha256sum cannot read: ${line}` };
      listed.set(match[2]!, match[1]!);
    }
    for (const name of zip.names) {
      if (name === sumsFile || name === packageSignatureFile) continue;
      const expected = listed.get(name);
      if (!expected) return { valid: false, reason: `${name} is not listed in SHA256SUMS` };
      const hash = createHash("sha256");
      let byteSize = 0;
      for await (const chunk of zip.read(name)) {
        hash.update(chunk);
        byteSize += chunk.byteLength;
      }
      const actual = hash.digest("hex");
      if (actual !== expected)
        return { valid: false, reason: `${name}: SHA-256 ${actual}, SHA256SUMS says ${expected}` };
      if (name === reportJsonFile) {
        const artifact = signed.statement.artifacts.find((candidate) => candidate.format === "json");
        if (artifact?.sha256 !== actual || artifact.byteSize !== byteSize) {
          return { valid: false, reason: "report.json is not the JSON file the statement names" };
        }
      }
    }
    for (const name of listed.keys()) {
      if (!zip.names.includes(name))
        return { valid: false, reason: `SHA256SUMS lists ${name}, which is not in the package` };
    }

    // Every other file must be what the signed report.json renders to.
    const derived = await writePackageFiles(
      { readJson: () => zip.read(reportJsonFile), statementJws, ...(maxDataRows ? { maxDataRows } : {}) },
      { open: () => ({ write() {}, close() {} }) },
    );
    if (derived.sums !== sums.toString("utf8")) {
      const theirs = new Set(sums.toString("utf8").split("\n"));
      const first = derived.sums.split("\n").find((line) => !theirs.has(line));
      return {
        valid: false,
        reason: `The package's files are not what report.json renders to (first difference: ${first?.slice(66) ?? "the file list"})`,
      };
    }
    return { valid: true, statement: signed.statement, key: signed.key, files: listed.size };
  } finally {
    zip.close();
  }
}
