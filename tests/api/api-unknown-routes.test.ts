// Unknown /api/* paths and wrong methods answer the JSON error body.
import { describe, expect, it } from "vitest";
import * as catchAll from "@/app/api/[...path]/route";
import * as reportRoute from "@/app/api/engine/compliance/reports/[reportRef]/route";
import * as ingestRoute from "@/app/api/engine/ingest/[kind]/route";
import { createTestApiKey, createTestOrg } from "@/tests/support/fixtures";

type ErrorBody = { error: { code: string; message: string } };

describe("unknown /api/* paths", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"] as const)("answer %s with a JSON 404", async (method) => {
    const request = new Request("http://localhost/api/engine/nothing-here", { method });
    const response = await catchAll[method](request, { params: Promise.resolve({ path: ["engine", "nothing-here"] }) });

    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toContain("/api/engine/nothing-here");
  });
});

describe("a method a route does not take", () => {
  it("answers 405 in the JSON body with Allow, before any authentication", async () => {
    const response = await reportRoute.PATCH(
      new Request("http://localhost/api/engine/compliance/reports/abc", { method: "PATCH", body: "{}" }),
    );

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST, DELETE, HEAD, OPTIONS");
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("method_not_allowed");
  });

  it("answers 405 to an authenticated GET on an ingest route", async () => {
    const org = await createTestOrg();
    const { key } = await createTestApiKey(org.orgId, ["events:write"]);
    const response = await ingestRoute.GET(
      new Request("http://localhost/api/engine/ingest/audit-events", { headers: { authorization: `Bearer ${key}` } }),
    );

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST, OPTIONS");
    expect(((await response.json()) as ErrorBody).error.code).toBe("method_not_allowed");
  });
});
