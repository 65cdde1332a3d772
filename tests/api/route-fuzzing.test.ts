// Property-based fuzzing of every API route: random path parameters, query
// strings, headers and bodies, sent as an admin's session and as an API key
// with every scope. Whatever arrives, the answer is a 4xx or a success, never
// a 5xx, and the server stays healthy. Fixed seed, bounded count.
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { httpMethods, isMethodRejector } from "@/lib/api/reject-other-methods";
import {
  createTestApiKey,
  createTestOrg,
  sessionCookieFor,
  type TestApiKey,
  type TestOrg,
} from "@/tests/support/fixtures";

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

const apiDirectory = path.join(process.cwd(), "app/api");
// next-auth's own handler is not ours to fuzz; its body limits have their own tests.
const routeFiles = (readdirSync(apiDirectory, { recursive: true }) as string[])
  .filter((file) => path.basename(file) === "route.ts" && !file.startsWith(`auth${path.sep}`))
  .sort();

/** The dynamic segments of a route file's path, e.g. [reportRef] or [...path]. */
function paramNames(file: string): { name: string; catchAll: boolean }[] {
  return [...file.matchAll(/\[(\.\.\.)?(\w+)\]/g)].map((match) => ({ name: match[2]!, catchAll: Boolean(match[1]) }));
}

const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("soc2", "gdpr", "audit", "emails", "audit-events", "agents", "..", "%00", "0", "-1", "9".repeat(30)),
);
// Mostly names the routes know, so requests get past "not found" into validation.
const anyPathValue = fc.oneof(
  {
    arbitrary: fc.constantFrom("soc2", "gdpr", "audit", "emails", "audit-events", "dlp-violations", "query-logs"),
    weight: 3,
  },
  { arbitrary: anyText, weight: 1 },
);
const anyBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc
    .record(
      {
        dateRange: fc.record({ from: anyText, to: anyText }, { requiredKeys: [] }),
        agentId: anyText,
        agentIds: fc.array(anyText, { maxLength: 3 }),
        records: fc.array(fc.dictionary(anyText, fc.jsonValue({ maxDepth: 2 })), { maxLength: 3 }),
        name: anyText,
        scopes: fc.array(anyText, { maxLength: 3 }),
        orgId: anyText,
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
);
const anyQuery = fc.dictionary(
  fc.constantFrom("format", "from", "to", "type", "status", "limit", "cursor", "orgId", "bom", "x"),
  anyText,
  { maxKeys: 4 },
);

/** Statuses seen across the run: the fuzzer must reach past authentication into validation and success. */
const seen = new Map<number, number>();

let org: TestOrg;
let key: TestApiKey;
let cookie: string;

beforeAll(async () => {
  org = await createTestOrg();
  key = await createTestApiKey(org.orgId, ["reports:read", "reports:write", "events:write"]);
  cookie = await sessionCookieFor(org.admin, org.orgId);
});

describe("route fuzzing", () => {
  it.each(routeFiles)(
    "app/api/%s never answers 5xx",
    async (file) => {
      const route = (await import(/* @vite-ignore */ path.join(apiDirectory, file))) as Record<string, unknown>;
      const methods = httpMethods.filter((method) => !isMethodRejector(route[method]));
      const params = paramNames(file);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...methods),
          fc.array(anyPathValue, { minLength: params.length, maxLength: params.length }),
          anyQuery,
          anyBody,
          fc.boolean(),
          fc.constantFrom("application/json", "text/plain", ""),
          async (method, values, query, body, asSession, contentType) => {
            const search = new URLSearchParams(query).toString();
            const headers: Record<string, string> = asSession
              ? { cookie, "sec-fetch-site": "same-origin" }
              : { authorization: `Bearer ${key.key}` };
            if (contentType) headers["content-type"] = contentType;
            const hasBody = method !== "GET";
            const request = new Request(`http://localhost/api/${file}?${search}`, {
              method,
              headers,
              body: hasBody ? body : undefined,
            });
            const context = {
              params: Promise.resolve(
                Object.fromEntries(
                  params.map((param, index) => [param.name, param.catchAll ? [values[index]] : values[index]]),
                ),
              ),
            };
            const response = await (route[method] as Handler)(request, context);
            expect(response.status, `${method} ${file} ${search} ${body.slice(0, 120)}`).toBeLessThan(500);
            seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
            await response.body?.cancel();
          },
        ),
        { seed: 20261203, numRuns: 40 },
      );
    },
    180_000,
  );

  it("reached the handlers: successes and validation errors, not only refusals", () => {
    const statuses = [...seen.keys()];
    expect(statuses.some((status) => status >= 200 && status < 300)).toBe(true);
    expect(statuses).toContain(400);
    expect(statuses).toContain(404);
  });

  it("leaves the server healthy", async () => {
    const response = await healthRoute(new Request("http://localhost/api/health"), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
  });
});
