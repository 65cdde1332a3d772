// README.txt of the evidence package: what the report is, its scope, who
// generated it and when, what each file is, and how to check the package with
// Attest's verifier or with openssl and sha256sum alone. Rendered only from
// report.json's header and the file plan, so the same report always reads the same.
import type { JsonValue } from "@/lib/compliance/reports/report-definition";
import type { ReportDocumentIndex } from "@/lib/compliance/package/report-document-index";
import type { TablePlan } from "@/lib/compliance/package/plan-package-files";
import { packageSignatureFile, sumsFile } from "@/lib/compliance/package/package-layout";

const text = (value: JsonValue | undefined): string =>
  value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);

const field = (value: JsonValue | undefined, key: string): JsonValue | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? value[key] : undefined;

function describeScope(scope: JsonValue | undefined): string {
  const range = field(scope, "dateRange");
  const agents = field(scope, "agentIds");
  const period = range
    ? `${text(field(range, "from"))} to ${text(field(range, "to"))} (whole UTC days, inclusive)`
    : "all time";
  const agentText =
    Array.isArray(agents) && agents.length > 0 ? `agents ${agents.map(text).join(", ")}` : "every agent";
  return `${period}; ${agentText}`;
}

/** The verification recipe with standard tools; tests run it as written. */
export const packageRecipe = `set -eu
b64url_decode() { s=$(tr -- '-_' '+/'); while [ $(( \${#s} % 4 )) -ne 0 ]; do s="$s="; done; printf '%s' "$s" | base64 -d; }
jws=$(cat ${packageSignatureFile}); header=\${jws%%.*}; signature=\${jws##*.}; payload=\${jws#*.}; payload=\${payload%.*}
printf '%s' "$header" | b64url_decode; echo
{ printf '\\060\\052\\060\\005\\006\\003\\053\\145\\160\\003\\041\\000'; printf '%s' "$X" | b64url_decode; } > /tmp/attest-key.der
openssl pkey -pubin -inform DER -in /tmp/attest-key.der -out /tmp/attest-key.pem
printf '%s.%s' "$header" "$payload" > /tmp/attest-signed-input
printf '%s' "$signature" | b64url_decode > /tmp/attest-signature.bin
openssl pkeyutl -verify -pubin -inkey /tmp/attest-key.pem -rawin -in /tmp/attest-signed-input -sigfile /tmp/attest-signature.bin
printf '%s' "$payload" | b64url_decode | cmp - ${sumsFile} && echo "${sumsFile}: signed"
sha256sum -c ${sumsFile}
`;

export function renderPackageReadme(index: ReportDocumentIndex, plans: readonly TablePlan[]): string {
  const { header } = index;
  const org = field(header, "org");
  const by = field(header, "generatedBy");
  const byText = text(field(by, "label")) || text(field(by, "id")) || text(field(by, "type"));
  const lines: string[] = [
    `${text(header.title)}`,
    "",
    "An evidence package of Attest, the compliance-reporting module: one report,",
    "exactly as it was generated and signed, with its tables as spreadsheet files.",
    "",
    `Report        ${text(header.id)} (${text(header.type)})`,
    `Organization  ${text(field(org, "name"))} (${text(field(org, "id"))})`,
    `Scope         ${describeScope(header.scope)}`,
    `Requested     ${text(header.requestedAt)}`,
    `Generated     ${text(header.generatedAt)} by ${byText} (${text(field(by, "type"))})`,
    `Times         UTC throughout`,
    "",
    "FILES",
    "",
    "report.json     The report as generated and stored, byte for byte: header, population",
    "                manifest and every section with its summary and full tables. Its",
    "                SHA-256 is named in statement.jws.",
    "manifest.csv    The population manifest: per source, the filter applied, the row count,",
    "                the first and last record, and the file(s) holding its table.",
    "statement.jws   The report's signed statement (a compact JWS, EdDSA over Ed25519):",
    "                report id, org, scope, generation time, and every stored file's",
    "                size and SHA-256.",
    `${sumsFile.padEnd(16)}The SHA-256 of every other file, in the format sha256sum -c reads.`,
    `${packageSignatureFile.padEnd(16)}A JWS by the same signing keys whose payload is ${sumsFile}, byte`,
    "                for byte.",
    "",
    "Each table is one CSV under sections/<section>/: RFC 4180, UTF-8 with a byte-order",
    "mark, a header row and that table's columns only. Cells a spreadsheet would run",
    "as a formula start with an apostrophe. A table longer than a spreadsheet sheet",
    "(1,048,575 rows under the header) continues in numbered parts (<table>.part-1.csv,",
    "<table>.part-2.csv, ...), each with the header row. A table without rows is a file",
    "holding only the byte-order mark.",
    "",
  ];
  for (const section of index.sections) {
    lines.push(`${section.key}: ${section.head.title}`);
    if (section.head.criteria.length > 0) lines.push(`  criteria ${section.head.criteria.join(" ")}`);
    for (const plan of plans.filter((candidate) => candidate.section === section.key)) {
      for (const file of plan.files) {
        const part =
          file.parts > 1
            ? `, part ${file.part} of ${file.parts} (rows ${file.firstRow}-${file.firstRow + file.rowCount - 1})`
            : "";
        lines.push(`  ${file.path}  ${file.rowCount} rows${part}`);
      }
    }
    lines.push("");
  }
  lines.push(
    "VERIFYING",
    "",
    "Fetch the signing keys (a JWKS) once, from GET /api/engine/compliance/keys of the",
    "Attest server that issued this package, and keep that copy. Then, with Attest's",
    "source checked out:",
    "",
    "  npm run verify -- package.zip --keys jwks.json",
    "",
    "It checks the statement's signature and key window, report.json against the",
    "statement, every file against SHA256SUMS, SHA256SUMS against its signature, and",
    "that every CSV and manifest.csv is exactly what report.json renders to.",
    "",
    "With standard tools only (openssl, sha256sum, base64, cmp): unpack the package, set",
    `X to the "x" of the JWKS key whose "kid" is in ${packageSignatureFile}'s header (the`,
    "first line the recipe prints), and run in the unpacked folder:",
    "",
    ...packageRecipe
      .trimEnd()
      .split("\n")
      .map((line) => `  ${line}`),
    "",
    'openssl prints "Signature Verified Successfully" and sha256sum prints OK for every',
    "file; anything else stops the script. statement.jws is checked the same way (see",
    "docs/verifying-reports.md in Attest's source): its payload names report.json's SHA-256.",
    "",
  );
  return lines.join("\n");
}
