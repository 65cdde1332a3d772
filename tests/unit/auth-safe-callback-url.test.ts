import { describe, expect, it } from "vitest";
import { defaultCallbackUrl, safeCallbackUrl } from "@/lib/auth/safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeCallbackUrl("/dashboard/agents")).toBe("/dashboard/agents");
    expect(safeCallbackUrl("/dashboard/compliance?tab=reports")).toBe("/dashboard/compliance?tab=reports");
    expect(safeCallbackUrl(["/dashboard/agents", "/other"])).toBe("/dashboard/agents");
  });

  it("falls back to the dashboard when nothing is given", () => {
    expect(safeCallbackUrl(undefined)).toBe(defaultCallbackUrl);
    expect(safeCallbackUrl(null)).toBe(defaultCallbackUrl);
    expect(safeCallbackUrl("")).toBe(defaultCallbackUrl);
  });

  it("never leads to another site", () => {
    for (const hostile of [
      "//evil.example/path",
      "/\\evil.example",
      "javascript:alert(1)",
      "evil.example",
      "/dashboard\n//evil.example",
    ]) {
      expect(safeCallbackUrl(hostile), hostile).toBe(defaultCallbackUrl);
    }
  });

  it("keeps only the path of an absolute URL (next-auth sends those)", () => {
    expect(safeCallbackUrl("http://localhost:3000/dashboard/agents?page=2")).toBe("/dashboard/agents?page=2");
    expect(safeCallbackUrl("https://evil.example//evil.example")).toBe(defaultCallbackUrl);
  });

  it("does not loop back to the login page or land on an API route", () => {
    expect(safeCallbackUrl("/login")).toBe(defaultCallbackUrl);
    expect(safeCallbackUrl("/login?callbackUrl=%2Fdashboard")).toBe(defaultCallbackUrl);
    expect(safeCallbackUrl("/api/api-keys")).toBe(defaultCallbackUrl);
  });
});
