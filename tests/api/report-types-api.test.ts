// The registry through the HTTP API: GET /report-types serves the catalogue to
// readers, and every registered type is queued through POST /reports/:type
// from the body its form describes, titled by its definition, with unknown
// agents named under the field its body takes them in.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as reportTypesRoute } from "@/app/api/engine/compliance/report-types/route";
import { POST as postRoute } from "@/app/api/engine/compliance/reports/[reportRef]/route";
import { reportTypeRegistry, type RegisteredReportType } from "@/lib/compliance/reports/registry";
import { db } from "@/lib/db";
import { createTestAgent } from "@/tests/support/compliance-fixtures";
import { createTestApiKey, createTestOrg, sessionCookieFor, type TestOrg } from "@/tests/support/fixtures";
import { sampleReportBody } from "@/tests/support/sample-report-request";

// Seen through the contract every type shares, as the API sees them.
const registered: readonly RegisteredReportType[] = reportTypeRegistry;
const base = "http://localhost/api/engine/compliance";

let org: TestOrg;
let agent: { id: string; name: string };
const cookies: Partial<Record<"admin" | "auditor" | "member", string>> = {};

beforeAll(async () => {
  org = await createTestOrg({ name: "Registry API" });
  agent = await createTestAgent(org.orgId, "Support Triage");
  for (const role of ["admin", "auditor", "member"] as const) {
    cookies[role] = await sessionCookieFor(org[role], org.orgId);
  }
});

async function getReportTypes(headers: Record<string, string>) {
  return reportTypesRoute(new Request(`${base}/report-types`, { headers }), { params: Promise.resolve({}) });
}

async function post(type: string, body: unknown) {
  const request = new Request(`${base}/reports/${type}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: cookies.admin! },
    body: JSON.stringify(body),
  });
  return postRoute(request, { params: Promise.resolve({ reportRef: type }) });
}

describe("GET /report-types", () => {
  it("serves every registered type, in order, with what its form asks for", async () => {
    const response = await getReportTypes({ cookie: cookies.auditor! });
    expect(response.status).toBe(200);
    const { reportTypes } = (await response.json()) as { reportTypes: { type: string; label: string }[] };
    expect(reportTypes.map((option) => option.type)).toEqual(reportTypeRegistry.map((definition) => definition.type));
    for (const [index, definition] of reportTypeRegistry.entries()) {
      expect(reportTypes[index]).toEqual({
        type: definition.type,
        label: definition.label,
        badge: definition.badge,
        tone: definition.tone,
        description: definition.description,
        form: definition.form,
      });
    }
  });

  it("answers a key with reports:read, and refuses members and strangers", async () => {
    const key = await createTestApiKey(org.orgId, ["reports:read"]);
    expect((await getReportTypes({ authorization: `Bearer ${key.key}` })).status).toBe(200);
    expect((await getReportTypes({ cookie: cookies.member! })).status).toBe(403);
    expect((await getReportTypes({})).status).toBe(401);
  });
});

// Types generated from a data-subject request are queued in tests/api/data-subject-report.test.ts.
const agentScoped = registered.filter((definition) =>
  definition.form.every((field) => field.kind !== "data_subject_request"),
);

describe.each(agentScoped.map((definition) => [definition.type, definition] as const))(
  "POST /reports/%s",
  (type, definition) => {
    it("queues the report its form describes, titled and scoped by its definition", async () => {
      const response = await post(type, sampleReportBody(definition.form, [agent.id]));
      expect(response.status).toBe(202);
      const report = (await response.json()) as { id: string; type: string; title: string; status: string };
      expect(report).toMatchObject({ type, status: "pending" });
      const scope = definition.toScope(definition.bodySchema.parse(sampleReportBody(definition.form, [agent.id])));
      expect(report.title).toBe(definition.title(scope, [agent.name]));
      const row = await db.report.findUniqueOrThrow({ where: { id: report.id }, select: { scope: true } });
      expect(definition.scopeSchema.parse(row.scope)).toEqual(scope);
    });

    it("names an unknown agent under the body field that sent it, creating nothing", async () => {
      const before = await db.report.count({ where: { orgId: org.orgId } });
      const response = await post(type, sampleReportBody(definition.form, ["not-an-agent"]));
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { details: { fields: Record<string, string[]> } } };
      expect(error.details.fields[definition.agentsField]).toEqual([
        "Unknown agent in this organization: not-an-agent",
      ]);
      expect(await db.report.count({ where: { orgId: org.orgId } })).toBe(before);
    });
  },
);
