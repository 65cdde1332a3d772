import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, isWellFormedApiKey } from "@/lib/api-keys/api-key-format";
import { createApiKeySchema } from "@/lib/api-keys/schemas";

describe("generateApiKey", () => {
  it("makes att_<prefix8>_<secret32> keys whose prefix and hash match", () => {
    const { key, prefix, hashedKey } = generateApiKey();
    expect(key).toMatch(/^att_[0-9A-Za-z]{8}_[0-9A-Za-z]{32}$/);
    expect(key.startsWith(`${prefix}_`)).toBe(true);
    expect(prefix).toMatch(/^att_[0-9A-Za-z]{8}$/);
    expect(hashedKey).toBe(createHash("sha256").update(key).digest("hex"));
    expect(hashedKey).not.toContain(key.slice(13));
  });

  it("never repeats itself", () => {
    const keys = new Set(Array.from({ length: 2000 }, () => generateApiKey().key));
    expect(keys.size).toBe(2000);
  });

  it("uses the whole base62 alphabet", () => {
    const seen = new Set(Array.from({ length: 300 }, () => generateApiKey().key.slice(13)).join(""));
    expect(seen.size).toBe(62);
  });
});

describe("isWellFormedApiKey", () => {
  it("accepts generated keys and refuses other shapes", () => {
    expect(isWellFormedApiKey(generateApiKey().key)).toBe(true);
    for (const bad of [
      "",
      "att_",
      "garbage",
      "att_1234567_abcdefghijabcdefghijabcdefghijab",
      `${generateApiKey().key}x`,
      "Bearer att_x",
    ]) {
      expect(isWellFormedApiKey(bad)).toBe(false);
    }
  });

  it("hashes deterministically", () => {
    expect(hashApiKey("att_a")).toBe(hashApiKey("att_a"));
    expect(hashApiKey("att_a")).not.toBe(hashApiKey("att_b"));
  });
});

describe("createApiKeySchema", () => {
  it("keeps known scopes once, in canonical order", () => {
    const parsed = createApiKeySchema.parse({
      name: "  CI  ",
      scopes: ["events:write", "reports:read", "events:write"],
    });
    expect(parsed).toEqual({ name: "CI", scopes: ["reports:read", "events:write"] });
  });

  it("refuses unknown scopes, no scopes and blank names", () => {
    expect(createApiKeySchema.safeParse({ name: "CI", scopes: ["org:admin"] }).success).toBe(false);
    expect(createApiKeySchema.safeParse({ name: "CI", scopes: [] }).success).toBe(false);
    expect(createApiKeySchema.safeParse({ name: "   ", scopes: ["reports:read"] }).success).toBe(false);
  });
});
