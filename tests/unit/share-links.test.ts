// Share links' pure parts: when a link stops working and why, the token's
// shape and hash, and how a request is told to be a browser's.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { acceptsHtml } from "@/lib/http/accepts-html";
import { escapeHtml } from "@/lib/http/escape-html";
import { createShareLinkBodySchema } from "@/lib/share-links/schemas";
import { shareLinkStatusOf } from "@/lib/share-links/share-link-status";
import {
  generateShareLinkToken,
  hashShareLinkToken,
  isWellFormedShareLinkToken,
} from "@/lib/share-links/share-link-token";

const now = new Date("2026-06-01T12:00:00Z");
const live = { revokedAt: null, expiresAt: new Date("2026-06-02T12:00:00Z"), maxDownloads: 3, downloadCount: 2 };

describe("shareLinkStatusOf", () => {
  it("is active until its expiry, its cap or its revocation, and names the first of them", () => {
    expect(shareLinkStatusOf(live, now)).toBe("active");
    expect(shareLinkStatusOf({ ...live, maxDownloads: null, downloadCount: 10_000 }, now)).toBe("active");
    expect(shareLinkStatusOf({ ...live, downloadCount: 3 }, now)).toBe("exhausted");
    expect(shareLinkStatusOf({ ...live, expiresAt: now }, now)).toBe("expired");
    expect(shareLinkStatusOf({ ...live, expiresAt: now, downloadCount: 3 }, now)).toBe("expired");
    expect(shareLinkStatusOf({ ...live, expiresAt: now, revokedAt: now }, now)).toBe("revoked");
  });
});

describe("share link tokens", () => {
  it("are 256 random bits in base64url, different every time, stored as their SHA-256", () => {
    const first = generateShareLinkToken();
    const second = generateShareLinkToken();
    expect(first.token).not.toBe(second.token);
    expect(Buffer.from(first.token, "base64url")).toHaveLength(32);
    expect(isWellFormedShareLinkToken(first.token)).toBe(true);
    expect(first.tokenHash).toBe(createHash("sha256").update(first.token).digest("hex"));
    expect(hashShareLinkToken(first.token)).toBe(first.tokenHash);
    for (const bad of ["", "short", `${first.token}x`, `${first.token.slice(0, 42)}/`, "../../etc/passwd"]) {
      expect(isWellFormedShareLinkToken(bad), bad).toBe(false);
    }
  });
});

describe("createShareLinkBodySchema", () => {
  it("defaults to 7 days, no cap and no label; a blank label is none", () => {
    expect(createShareLinkBodySchema.parse({})).toEqual({ expiresInDays: 7, maxDownloads: null, label: null });
    expect(createShareLinkBodySchema.parse({ label: "   ", maxDownloads: null })).toMatchObject({ label: null });
    expect(createShareLinkBodySchema.parse({ label: " Deloitte ", maxDownloads: 4 })).toMatchObject({
      label: "Deloitte",
      maxDownloads: 4,
    });
  });
});

describe("acceptsHtml and escapeHtml", () => {
  it("tells a browser's navigation from a program's request", () => {
    expect(acceptsHtml("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).toBe(true);
    expect(acceptsHtml("application/json")).toBe(false);
    expect(acceptsHtml("*/*")).toBe(false);
    expect(acceptsHtml(null)).toBe(false);
  });

  it("escapes what could end a text node or an attribute", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
