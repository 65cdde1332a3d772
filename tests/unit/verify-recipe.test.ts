// The README's openssl recipe (docs/verifying-reports.md), run as written
// against a freshly signed statement: it must pass for the signed file and
// stop for a changed one or a signature from another key.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateSigningKey } from "@/lib/signing/generate-signing-key";
import { parseSigningKey } from "@/lib/signing/parse-signing-key";
import { signReportStatement } from "@/lib/signing/sign-report-statement";

const run = promisify(execFile);
const doc = fs.readFileSync(path.resolve(import.meta.dirname, "..", "..", "docs", "verifying-reports.md"), "utf8");
const recipe = /<!-- recipe:start -->\s*```sh\n([\s\S]*?)```\s*<!-- recipe:end -->/.exec(doc)?.[1];

let directory: string;
beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), "attest-recipe-"));
});
afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

async function prepare(fileBytes: Buffer) {
  const key = await parseSigningKey(JSON.stringify(generateSigningKey(new Date("2026-01-01T00:00:00Z"))), {
    source: "test",
  });
  const sha256 = createHash("sha256").update(fileBytes).digest("hex");
  const { jws } = await signReportStatement(
    {
      type: "attest.report-statement",
      version: 1,
      reportId: "rep_1",
      org: { id: "org_1", name: "Acme" },
      reportType: "audit",
      title: "Audit Summary",
      scope: { agentIds: [] },
      generatedAt: "2026-02-01T00:00:00.000Z",
      generatedBy: { type: "system", id: null, label: null },
      schemaVersion: 1,
      artifacts: [{ format: "json", byteSize: fileBytes.byteLength, sha256 }],
      auditChainHead: null,
      previousStatement: { reportId: "rep_0", sha256: "b".repeat(64) },
      signedAt: "2026-02-01T00:00:01.000Z",
    },
    key,
  );
  fs.writeFileSync(path.join(directory, "report.json"), fileBytes);
  fs.writeFileSync(path.join(directory, "statement.jws"), jws);
  return key;
}

function runRecipe(x: string) {
  return run("bash", ["-c", recipe ?? "exit 99"], { cwd: directory, env: { ...process.env, X: x } }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

describe("the openssl verification recipe", () => {
  it("is in the docs between its markers", () => {
    expect(recipe).toContain("openssl pkeyutl -verify");
  });

  it("verifies the signature and finds the file's digest in the statement", async () => {
    const key = await prepare(Buffer.from('{"report":{}}'));
    const result = await runRecipe(key.published.x);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Signature Verified Successfully");
    expect(result.stdout).toMatch(/report\.json: SHA-256 [0-9a-f]{64} is in the statement/);
  });

  it("stops for a file with one byte changed", async () => {
    const key = await prepare(Buffer.from('{"report":{}}'));
    fs.writeFileSync(path.join(directory, "report.json"), '{"report":{ }');
    const result = await runRecipe(key.published.x);
    expect(result.code).not.toBe(0);
    expect(result.stdout).not.toContain("is in the statement");
  });

  it("stops when the public key is not the signer's", async () => {
    await prepare(Buffer.from('{"report":{}}'));
    const other = await parseSigningKey(JSON.stringify(generateSigningKey()), { source: "other" });
    const result = await runRecipe(other.published.x);
    expect(result.code).not.toBe(0);
    expect(result.stdout).not.toContain("Signature Verified Successfully");
  });
});
