import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateSigningKey } from "@/lib/signing/generate-signing-key";
import { loadSigningKeyring } from "@/lib/signing/load-signing-keyring";
import { parseSigningKey } from "@/lib/signing/parse-signing-key";
import type { ReportStatement } from "@/lib/signing/report-statement";
import { rotateSigningKey } from "@/lib/signing/rotate-signing-key";
import { signReportStatement, statementDigest } from "@/lib/signing/sign-report-statement";
import type { PublishedSigningKey } from "@/lib/signing/signing-key";
import { toJwks } from "@/lib/signing/to-jwks";
import { verifyReportFile } from "@/lib/signing/verify-report-file";
import { verifyReportStatement } from "@/lib/signing/verify-report-statement";
import { createHash } from "node:crypto";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..");

let directory: string;
beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), "attest-signing-"));
});
afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

const keyValidFrom = "2026-01-01T00:00:00.000Z";

async function newKey(validFrom = keyValidFrom) {
  return parseSigningKey(JSON.stringify({ ...generateSigningKey(), valid_from: validFrom }), { source: "test key" });
}

function statementFor(bytes: Buffer, overrides: Partial<ReportStatement> = {}): ReportStatement {
  return {
    type: "attest.report-statement",
    version: 1,
    reportId: "rep_1",
    org: { id: "org_1", name: "Acme Robotics" },
    reportType: "soc2",
    title: "SOC2 Summary — 2026-01-01 to 2026-01-31 — all agents",
    scope: { dateRange: { from: "2026-01-01", to: "2026-01-31" }, agentIds: [] },
    generatedAt: "2026-02-01T10:00:00.000Z",
    generatedBy: { type: "user", id: "usr_1", label: "admin@acme.test" },
    schemaVersion: 1,
    artifacts: [
      { format: "json", byteSize: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") },
    ],
    auditChainHead: { seq: 42, hash: "a".repeat(64) },
    previousStatement: null,
    signedAt: "2026-02-01T10:00:01.000Z",
    ...overrides,
  };
}

function writeFile(name: string, content: string | Buffer): string {
  const file = path.join(directory, name);
  fs.writeFileSync(file, content);
  return file;
}

describe("report statements", () => {
  it("verifies a signed statement and the file it names, and refuses the file with one byte changed", async () => {
    const key = await newKey();
    const bytes = Buffer.from('{"report":{"id":"rep_1"},"sections":{}}');
    const { jws, kid, sha256 } = await signReportStatement(statementFor(bytes), key);
    expect(kid).toBe(key.kid);
    expect(sha256).toBe(statementDigest(jws));

    const good = await verifyReportFile(writeFile("report.json", bytes), jws, [key.published]);
    expect(good).toMatchObject({ valid: true, file: { format: "json", byteSize: bytes.byteLength } });

    const altered = Buffer.from(bytes);
    altered[5] = altered[5]! ^ 0x01;
    const bad = await verifyReportFile(writeFile("altered.json", altered), jws, [key.published]);
    expect(bad.valid).toBe(false);
    if (!bad.valid) expect(bad.reason).toMatch(/none of the statement's artifacts/);
  });

  it("refuses a statement whose key is not published, or whose payload was altered", async () => {
    const key = await newKey();
    const other = await newKey();
    const { jws } = await signReportStatement(statementFor(Buffer.from("x")), key);
    expect(await verifyReportStatement(jws, [other.published])).toMatchObject({
      valid: false,
      reason: expect.stringContaining("not among the published keys"),
    });

    const [header, payload, signature] = jws.split(".") as [string, string, string];
    const forged = Buffer.from(payload, "base64url").toString("utf8").replace("Acme Robotics", "Acme Robotiks");
    const tampered = `${header}.${Buffer.from(forged).toString("base64url")}.${signature}`;
    expect(await verifyReportStatement(tampered, [key.published])).toMatchObject({
      valid: false,
      reason: expect.stringContaining("signature does not verify"),
    });
  });

  it("keeps verifying a retired key's statements signed inside its window, and refuses those dated outside it", async () => {
    const key = await newKey("2026-01-01T00:00:00.000Z");
    const retired: PublishedSigningKey = { ...key.published, valid_until: "2026-03-01T00:00:00.000Z" };
    const inside = await signReportStatement(
      statementFor(Buffer.from("x"), { signedAt: "2026-02-15T00:00:00.000Z" }),
      key,
    );
    expect(await verifyReportStatement(inside.jws, [retired])).toMatchObject({ valid: true });

    const after = await signReportStatement(
      statementFor(Buffer.from("x"), { signedAt: "2026-03-01T00:00:00.000Z" }),
      key,
    );
    expect(await verifyReportStatement(after.jws, [retired])).toMatchObject({
      valid: false,
      reason: expect.stringContaining("after key"),
    });
    const before = await signReportStatement(
      statementFor(Buffer.from("x"), { signedAt: "2025-12-31T23:59:59.999Z" }),
      key,
    );
    expect(await verifyReportStatement(before.jws, [retired])).toMatchObject({
      valid: false,
      reason: expect.stringContaining("before key"),
    });
  });

  it("signs the canonical form and refuses a validly signed payload that is not canonical", async () => {
    const key = await newKey();
    const { jws } = await signReportStatement(statementFor(Buffer.from("x")), key);
    const payload = Buffer.from(jws.split(".")[1] ?? "", "base64url").toString("utf8");
    expect(payload.startsWith('{"artifacts":')).toBe(true);

    const { CompactSign } = await import("jose");
    const pretty = JSON.stringify(JSON.parse(payload), null, 2);
    const loose = await new CompactSign(new TextEncoder().encode(pretty))
      .setProtectedHeader({ alg: "EdDSA", kid: key.kid })
      .sign(key.privateKey);
    expect(await verifyReportStatement(loose, [key.published])).toMatchObject({
      valid: false,
      reason: "The signed payload is not in canonical form",
    });
  });
});

describe("signing keys", () => {
  it("names a key by its RFC 7638 thumbprint (RFC 8037's Ed25519 example)", async () => {
    const key = await parseSigningKey(
      JSON.stringify({
        kty: "OKP",
        crv: "Ed25519",
        d: "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
        x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
        valid_from: keyValidFrom,
      }),
      { source: "rfc8037" },
    );
    expect(key.kid).toBe("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
  });

  it("generates the embedded default's key once into the data directory, readable by its owner only", async () => {
    const first = await loadSigningKeyring({ provider: "sqlite", dataDirectory: directory });
    const second = await loadSigningKeyring({ provider: "sqlite", dataDirectory: directory });
    expect(second.active.kid).toBe(first.active.kid);
    const stat = fs.statSync(path.join(directory, "signing", "signing-key.json"));
    expect(stat.mode & 0o777).toBe(0o600);
    expect(toJwks(first).keys).toEqual([first.active.published]);
    expect(JSON.stringify(toJwks(first))).not.toContain('"d"');
  });

  it("refuses to start on PostgreSQL without a configured key, naming the variables", async () => {
    await expect(loadSigningKeyring({ provider: "postgresql", dataDirectory: directory })).rejects.toThrow(
      /ATTEST_SIGNING_KEY or ATTEST_SIGNING_KEY_FILE/,
    );
  });

  it("reads a configured PEM key with its start from the environment, and refuses a key of another kind", async () => {
    const { generateKeyPairSync } = await import("node:crypto");
    const pem = generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const keyring = await loadSigningKeyring({
      provider: "postgresql",
      dataDirectory: directory,
      signingKey: pem,
      signingKeyValidFrom: "2026-06-01T00:00:00Z",
    });
    expect(keyring.active.published.valid_from).toBe("2026-06-01T00:00:00.000Z");
    expect(fs.existsSync(path.join(directory, "signing"))).toBe(false);

    await expect(
      loadSigningKeyring({ provider: "postgresql", dataDirectory: directory, signingKey: pem }),
    ).rejects.toThrow(/valid_from/);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "pem", type: "pkcs8" });
    await expect(
      loadSigningKeyring({
        provider: "postgresql",
        dataDirectory: directory,
        signingKey: rsa.toString(),
        signingKeyValidFrom: keyValidFrom,
      }),
    ).rejects.toThrow(/must be an Ed25519 key/);
  });

  it("rotates the data directory's key: the old key is published as retired and still verifies its statements", async () => {
    const before = await loadSigningKeyring({ provider: "sqlite", dataDirectory: directory });
    const signedBefore = await signReportStatement(
      statementFor(Buffer.from("x"), { signedAt: new Date().toISOString() }),
      before.active,
    );
    const rotatedAt = new Date(Date.now() + 1000);
    const { retired, activeKid } = await rotateSigningKey(directory, rotatedAt);
    expect(retired.kid).toBe(before.active.kid);

    const after = await loadSigningKeyring({ provider: "sqlite", dataDirectory: directory });
    expect(after.active.kid).toBe(activeKid);
    expect(after.published.map((key) => key.kid)).toEqual([before.active.kid, activeKid]);
    expect(after.published[0]?.valid_until).toBe(rotatedAt.toISOString());
    expect(await verifyReportStatement(signedBefore.jws, after.published)).toMatchObject({ valid: true });
  });

  it("refuses a retired key whose kid is not its thumbprint", async () => {
    const key = await newKey();
    const retiredKeys = JSON.stringify({
      keys: [{ ...key.published, kid: "forged", valid_until: "2026-02-01T00:00:00Z" }],
    });
    await expect(loadSigningKeyring({ provider: "sqlite", dataDirectory: directory, retiredKeys })).rejects.toThrow(
      /not the thumbprint/,
    );
  });
});

describe("npm run verify", () => {
  it("exits 0 for a valid file and statement, 1 with the reason otherwise, with no database or server", async () => {
    const key = await newKey();
    const bytes = Buffer.from("section,table\r\nuser_access,events\r\n");
    const { jws } = await signReportStatement(
      statementFor(bytes, {
        artifacts: [
          { format: "csv", byteSize: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") },
        ],
      }),
      key,
    );
    const file = writeFile("report.csv", bytes);
    const statement = writeFile("statement.jws", jws);
    const keys = writeFile("keys.json", JSON.stringify({ keys: [key.published] }));
    const cli = (args: string[]) =>
      run(process.execPath, ["--import", "tsx", path.join(root, "scripts", "verify.ts"), ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" },
      }).then(
        ({ stdout }) => ({ code: 0, output: stdout }),
        (error: { code: number; stderr: string }) => ({ code: error.code, output: error.stderr }),
      );

    const valid = await cli([file, "--statement", statement, "--keys", keys]);
    expect(valid.code).toBe(0);
    expect(valid.output).toContain("VALID: ");
    expect(valid.output).toContain(`by key ${key.kid}`);

    fs.appendFileSync(file, " ");
    const invalid = await cli([file, "--statement", statement, "--keys", keys]);
    expect(invalid.code).toBe(1);
    expect(invalid.output).toMatch(/NOT VALID: The file's SHA-256 [0-9a-f]{64} is none of the statement's artifacts/);
  });
});
