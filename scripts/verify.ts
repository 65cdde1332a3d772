// npm run verify -- <file> --statement <statement.jws> [--keys <jwks.json> | --server <url>]
// npm run verify -- <package.zip> [--keys <jwks.json> | --server <url>]
// Checks, without a database and (given --keys) without a server, that a
// downloaded report file is byte for byte an artifact of a statement signed
// by one of Attest's published keys, inside that key's validity window; or
// that every file of an evidence package is (verify-evidence-package.ts).
// Exit 0: valid; 1: not valid or not checkable, with the reason.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { readPublishedKeys } from "@/lib/signing/parse-retired-signing-keys";
import { verifyReportFile } from "@/lib/signing/verify-report-file";
import { verifyEvidencePackage } from "@/lib/compliance/package/verify-evidence-package";
import type { PublishedSigningKey } from "@/lib/signing/signing-key";

const usage =
  "Usage: npm run verify -- <file> --statement <statement.jws> [--keys <jwks.json> | --server <url>]\n" +
  "       npm run verify -- <package.zip> [--keys <jwks.json> | --server <url>]";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      statement: { type: "string" },
      keys: { type: "string" },
      server: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const [file] = positionals;
  const isPackage = file !== undefined && !values.statement && isZip(file);
  if (
    !file ||
    (!values.statement && !isPackage) ||
    (!values.keys && !values.server) ||
    (values.keys && values.server)
  ) {
    console.error(usage);
    return 1;
  }
  const jwks = values.keys ? JSON.parse(fs.readFileSync(values.keys, "utf8")) : await fetchKeys(values.server ?? "");
  const keys = await readPublishedKeys(jwks, { source: values.keys ?? "the server's JWKS", requireRetired: false });
  if (isPackage) return verifyPackage(file, keys);
  const jws = fs.readFileSync(values.statement ?? "", "utf8");
  const result = await verifyReportFile(file, jws, keys);
  if (!result.valid) {
    console.error(`NOT VALID: ${result.reason}`);
    return 1;
  }
  const { statement, key } = result;
  console.log(`VALID: ${file} is the ${result.file.format} artifact of report ${statement.reportId}`);
  console.log(
    `  report     ${statement.title} (${statement.reportType}), org ${statement.org.name} (${statement.org.id})`,
  );
  console.log(`  file       ${result.file.byteSize} bytes, SHA-256 ${result.file.sha256}`);
  console.log(
    `  signed     ${statement.signedAt} by key ${key.kid} (valid from ${key.valid_from}${key.valid_until ? ` until ${key.valid_until}` : ""})`,
  );
  if (statement.auditChainHead) {
    console.log(`  audit log  head seq ${statement.auditChainHead.seq}, hash ${statement.auditChainHead.hash}`);
  }
  return 0;
}

async function verifyPackage(file: string, keys: PublishedSigningKey[]): Promise<number> {
  const result = await verifyEvidencePackage(file, keys);
  if (!result.valid) {
    console.error(`NOT VALID: ${result.reason}`);
    return 1;
  }
  const { statement, key } = result;
  console.log(`VALID: ${file} is the evidence package of report ${statement.reportId}`);
  console.log(
    `  report     ${statement.title} (${statement.reportType}), org ${statement.org.name} (${statement.org.id})`,
  );
  console.log(`  files      ${result.files}, each as SHA256SUMS says and as the signed report.json renders`);
  console.log(`  signed     ${statement.signedAt} by key ${key.kid}`);
  return 0;
}

/** A ZIP starts with a local file header, "PK\x03\x04". */
function isZip(file: string): boolean {
  const head = Buffer.alloc(4);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 4, 0);
  } finally {
    fs.closeSync(fd);
  }
  return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}

async function fetchKeys(server: string): Promise<unknown> {
  const url = new URL("/api/engine/compliance/keys", server);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`NOT VALID: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
