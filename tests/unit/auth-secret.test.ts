import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getAuthSecret } from "@/lib/auth/get-auth-secret";

const saved = { ...process.env };
let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "attest-secret-"));
  process.env.ATTEST_DATA_DIR = dataDir;
  delete process.env.NEXTAUTH_SECRET;
  delete process.env.AUTH_SECRET;
});

afterEach(() => {
  process.env = { ...saved };
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("getAuthSecret", () => {
  it("generates a random secret once, keeps it in the data directory with mode 0600", () => {
    const secret = getAuthSecret();
    const file = path.join(dataDir, "auth-secret");
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(fs.readFileSync(file, "utf8").trim()).toBe(secret);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(getAuthSecret()).toBe(secret);
  });

  it("reuses the secret a previous start wrote", () => {
    fs.writeFileSync(path.join(dataDir, "auth-secret"), "written-by-an-earlier-start\n");
    expect(getAuthSecret()).toBe("written-by-an-earlier-start");
  });

  it("prefers NEXTAUTH_SECRET, then AUTH_SECRET, and then writes no file", () => {
    process.env.AUTH_SECRET = "from-auth-secret";
    expect(getAuthSecret()).toBe("from-auth-secret");
    process.env.NEXTAUTH_SECRET = "from-nextauth-secret";
    expect(getAuthSecret()).toBe("from-nextauth-secret");
    expect(fs.existsSync(path.join(dataDir, "auth-secret"))).toBe(false);
  });

  it("differs between data directories", () => {
    const first = getAuthSecret();
    const other = fs.mkdtempSync(path.join(os.tmpdir(), "attest-secret-"));
    process.env.ATTEST_DATA_DIR = other;
    try {
      expect(getAuthSecret()).not.toBe(first);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});
