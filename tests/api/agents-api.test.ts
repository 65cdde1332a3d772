// GET /api/agents — the agent pickers' source: the caller's org only, by name,
// for anyone who may read reports (admins, auditors, reports:read keys).
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/agents/route";
import { createTestAgent } from "@/tests/support/compliance-fixtures";
import { createTestApiKey, createTestOrg, sessionCookieFor, type TestOrg } from "@/tests/support/fixtures";

const url = "http://localhost/api/agents";
const noParams = { params: Promise.resolve({}) };

let acme: TestOrg;
let globex: TestOrg;

beforeAll(async () => {
  acme = await createTestOrg();
  globex = await createTestOrg();
  await createTestAgent(acme.orgId, "Zeta Mailer");
  await createTestAgent(acme.orgId, "Alpha Intake");
  await createTestAgent(globex.orgId, "Globex Bot");
});

async function getAs(headers: Record<string, string>) {
  return GET(new Request(url, { headers }), noParams);
}

describe("GET /api/agents", () => {
  it("lists the caller's org's agents by name, with only the picker's fields", async () => {
    for (const user of [acme.admin, acme.auditor]) {
      const response = await getAs({ cookie: await sessionCookieFor(user, acme.orgId) });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { agents: Record<string, unknown>[] };
      expect(body.agents.map((agent) => agent.name)).toEqual(["Alpha Intake", "Zeta Mailer"]);
      expect(Object.keys(body.agents[0]!).sort()).toEqual(["emailAddress", "id", "name", "status"]);
    }
  });

  it("accepts a reports:read key and refuses members, keys without the scope and anonymous callers", async () => {
    const reader = await createTestApiKey(globex.orgId, ["reports:read"]);
    const readerResponse = await getAs({ authorization: `Bearer ${reader.key}` });
    expect(readerResponse.status).toBe(200);
    expect(((await readerResponse.json()) as { agents: { name: string }[] }).agents.map((a) => a.name)).toEqual([
      "Globex Bot",
    ]);

    const member = await getAs({ cookie: await sessionCookieFor(acme.member, acme.orgId) });
    expect(member.status).toBe(403);
    const writerOnly = await createTestApiKey(acme.orgId, ["events:write"]);
    expect((await getAs({ authorization: `Bearer ${writerOnly.key}` })).status).toBe(403);
    const anonymous = await getAs({});
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });
});
