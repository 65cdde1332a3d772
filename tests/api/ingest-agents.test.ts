// POST /api/engine/ingest/agents: the platform upserts its agents by email
// address, and the ids it gets back are what activity records reference.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST as postAgents } from "@/app/api/engine/ingest/agents/route";
import { POST as postRecords } from "@/app/api/engine/ingest/[kind]/route";
import {
  createTestApiKey,
  createTestOrg,
  sessionCookieFor,
  uniqueSuffix,
  type TestApiKey,
  type TestOrg,
} from "@/tests/support/fixtures";
import type { ErrorBody } from "@/tests/support/error-body";

process.env.ATTEST_INGEST_RATE_LIMIT = "1000";

type AgentsBody = {
  accepted: number;
  created: number;
  updated: number;
  records: { id: string; emailAddress: string; status: "created" | "updated" }[];
};

let acme: TestOrg;
let globex: TestOrg;
let acmeKey: TestApiKey;
let globexKey: TestApiKey;

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTestOrg(), createTestOrg()]);
  [acmeKey, globexKey] = await Promise.all([
    createTestApiKey(acme.orgId, ["events:write"]),
    createTestApiKey(globex.orgId, ["events:write"]),
  ]);
});

function post(body: unknown, auth: { key?: string; cookie?: string } = { key: acmeKey.key }) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (auth.key) headers.authorization = `Bearer ${auth.key}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  return postAgents(
    new Request("http://localhost/api/engine/ingest/agents", { method: "POST", headers, body: JSON.stringify(body) }),
    { params: Promise.resolve({}) },
  );
}

function agent(address: string, overrides: Record<string, unknown> = {}) {
  return {
    name: "Support Triage",
    emailAddress: address,
    description: "Answers the support inbox",
    status: "active",
    allowedTools: ["email.read", "email.send"],
    allowedRecipientDomains: ["customer.example", "*.acme.example"],
    dailySendLimit: 500,
    ...overrides,
  };
}

const agentsOf = (orgId: string, addresses: string[]) =>
  db.agent.findMany({
    where: { orgId, emailAddress: { in: addresses } },
    orderBy: { emailAddress: "asc" },
    select: {
      id: true,
      name: true,
      emailAddress: true,
      status: true,
      allowedTools: true,
      allowedRecipientDomains: true,
      dailySendLimit: true,
    },
  });

describe("POST /api/engine/ingest/agents", () => {
  it("creates agents (201) whose ids emails can then reference", async () => {
    const tag = uniqueSuffix();
    const addresses = [`a-${tag}@acme.example`, `b-${tag}@acme.example`];
    const response = await post({ records: addresses.map((address) => agent(address)) });
    expect(response.status).toBe(201);
    const body = (await response.json()) as AgentsBody;
    expect(body).toMatchObject({ accepted: 2, created: 2, updated: 0 });
    const stored = await agentsOf(acme.orgId, addresses);
    expect(stored.map((a) => a.id)).toEqual(body.records.map((r) => r.id));
    expect(stored[0]).toMatchObject({
      name: "Support Triage",
      status: "active",
      allowedTools: ["email.read", "email.send"],
      allowedRecipientDomains: ["customer.example", "*.acme.example"],
      dailySendLimit: 500,
    });

    const email = {
      agentId: body.records[0]!.id,
      direction: "outbound",
      fromAddress: addresses[0],
      toAddresses: ["jane@customer.example"],
      subject: tag,
      body: "Hello",
      sentAt: "2026-01-31T12:00:00Z",
    };
    const emailResponse = await postRecords(
      new Request("http://localhost/api/engine/ingest/emails", {
        method: "POST",
        headers: { authorization: `Bearer ${acmeKey.key}`, "content-type": "application/json" },
        body: JSON.stringify({ records: [email] }),
      }),
      { params: Promise.resolve({ kind: "emails" }) },
    );
    expect(emailResponse.status).toBe(201);
    expect(await db.email.count({ where: { orgId: acme.orgId, agentId: body.records[0]!.id, subject: tag } })).toBe(1);
  });

  it("updates an agent sent again (200, same id, address compared in lower case) and creates nothing", async () => {
    const address = `c-${uniqueSuffix()}@acme.example`;
    const first = (await (await post({ records: [agent(address)] })).json()) as AgentsBody;
    const again = await post({
      records: [agent(address.toUpperCase(), { status: "paused", allowedTools: ["email.read"], dailySendLimit: 0 })],
    });
    expect(again.status).toBe(200);
    const body = (await again.json()) as AgentsBody;
    expect(body).toMatchObject({ accepted: 1, created: 0, updated: 1 });
    expect(body.records[0]).toEqual({ id: first.records[0]!.id, emailAddress: address, status: "updated" });
    const stored = await agentsOf(acme.orgId, [address]);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: first.records[0]!.id,
      status: "paused",
      allowedTools: ["email.read"],
      dailySendLimit: 0,
    });
  });

  it("keeps each org's agents apart: the same address in another org is another agent", async () => {
    const address = `shared-${uniqueSuffix()}@platform.example`;
    const mine = (await (await post({ records: [agent(address)] })).json()) as AgentsBody;
    const theirs = await post({ records: [agent(address, { name: "Globex bot" })] }, { key: globexKey.key });
    expect(theirs.status).toBe(201);
    const theirBody = (await theirs.json()) as AgentsBody;
    expect(theirBody.records[0]!.id).not.toBe(mine.records[0]!.id);
    expect((await agentsOf(acme.orgId, [address]))[0]?.name).toBe("Support Triage");
    expect((await agentsOf(globex.orgId, [address]))[0]?.name).toBe("Globex bot");
  });

  it("refuses invalid agents and repeated addresses (400 per field) and writes none of the batch", async () => {
    const tag = uniqueSuffix();
    const good = `good-${tag}@acme.example`;
    const response = await post({
      records: [
        agent(good),
        agent(`bad-${tag}@acme.example`, {
          status: "deleted",
          allowedRecipientDomains: ["ok.example", "not a domain"],
        }),
        agent(good.toUpperCase()),
      ],
    });
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as ErrorBody).error.details?.fields ?? {};
    expect(Object.keys(fields).sort()).toEqual([
      "records.1.allowedRecipientDomains.1",
      "records.1.status",
      "records.2.emailAddress",
    ]);
    expect(await agentsOf(acme.orgId, [good])).toHaveLength(0);
  });

  it("answers 401, and 403 to auditors and to a record naming another org", async () => {
    const address = `d-${uniqueSuffix()}@acme.example`;
    expect((await post({ records: [agent(address)] }, {})).status).toBe(401);
    expect(
      (await post({ records: [agent(address)] }, { cookie: await sessionCookieFor(acme.auditor, acme.orgId) })).status,
    ).toBe(403);
    expect((await post({ records: [{ ...agent(address), orgId: globex.orgId }] })).status).toBe(403);
    expect(await agentsOf(acme.orgId, [address])).toHaveLength(0);
    expect(await agentsOf(globex.orgId, [address])).toHaveLength(0);
    const admin = await post({ records: [agent(address)] }, { cookie: await sessionCookieFor(acme.admin, acme.orgId) });
    expect(admin.status).toBe(201);
  });
});
