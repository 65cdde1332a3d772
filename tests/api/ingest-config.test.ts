// POST /api/engine/ingest/dlp-rules and /vault-secrets: the platform upserts the
// rules and secrets its DLP violations and vault accesses refer to.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST as postRecords } from "@/app/api/engine/ingest/[kind]/route";
import { POST as postDlpRules } from "@/app/api/engine/ingest/dlp-rules/route";
import { POST as postVaultSecrets } from "@/app/api/engine/ingest/vault-secrets/route";
import { createTestAgent } from "@/tests/support/compliance-fixtures";
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

type UpsertBody = {
  accepted: number;
  created: number;
  updated: number;
  records: { id: string; status: "created" | "updated"; clientId?: string; name?: string }[];
};

let acme: TestOrg;
let globex: TestOrg;
let acmeKey: TestApiKey;
let globexKey: TestApiKey;
let agent: { id: string };
let globexAgent: { id: string };

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTestOrg(), createTestOrg()]);
  [acmeKey, globexKey, agent, globexAgent] = await Promise.all([
    createTestApiKey(acme.orgId, ["events:write"]),
    createTestApiKey(globex.orgId, ["events:write"]),
    createTestAgent(acme.orgId, "Support bot"),
    createTestAgent(globex.orgId, "Globex bot"),
  ]);
});

type Handler = (request: Request, context: { params: Promise<{ kind: string }> }) => Promise<Response>;

function call(handler: Handler, path: string, body: unknown, auth: { key?: string; cookie?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (auth.cookie) headers.cookie = auth.cookie;
  else headers.authorization = `Bearer ${auth.key ?? acmeKey.key}`;
  const kind = path.split("/").pop()!;
  return handler(
    new Request(`http://localhost/api/engine/ingest/${path}`, { method: "POST", headers, body: JSON.stringify(body) }),
    { params: Promise.resolve({ kind }) },
  );
}

const rule = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  name: "Payment cards",
  detector: "payment_card",
  severity: "high",
  action: "block",
  ...overrides,
});

describe("POST /api/engine/ingest/dlp-rules", () => {
  it("creates rules by the platform's id, updates them when sent again, and violations reference them", async () => {
    const clientId = `rule-${uniqueSuffix()}`;
    const created = await call(postDlpRules, "dlp-rules", { records: [rule(clientId)] });
    expect(created.status).toBe(201);
    const createdBody = (await created.json()) as UpsertBody;
    expect(createdBody).toMatchObject({ accepted: 1, created: 1, updated: 0 });
    const id = createdBody.records[0]!.id;

    const again = await call(postDlpRules, "dlp-rules", {
      records: [rule(clientId, { severity: "critical", enabled: false, pattern: "\\b4\\d{15}\\b" })],
    });
    expect(again.status).toBe(200);
    expect((await again.json()) as UpsertBody).toMatchObject({
      created: 0,
      updated: 1,
      records: [{ id, status: "updated" }],
    });
    expect(
      await db.dlpRule.findMany({
        where: { orgId: acme.orgId, id },
        select: { severity: true, enabled: true, pattern: true },
      }),
    ).toEqual([{ severity: "critical", enabled: false, pattern: "\\b4\\d{15}\\b" }]);

    const violation = {
      ruleId: id,
      agentId: agent.id,
      actionTaken: "blocked",
      excerpt: "**** **** **** 4242",
      detectedAt: "2026-01-31T12:00:00Z",
    };
    expect((await call(postRecords, "dlp-violations", { records: [violation] })).status).toBe(201);
    expect(
      await db.dlpViolation.findMany({ where: { orgId: acme.orgId, ruleId: id }, select: { severity: true } }),
    ).toEqual([{ severity: "critical" }]);
  });

  it("keeps two orgs' equal rule ids apart; another org cannot reference mine", async () => {
    const clientId = `shared-${uniqueSuffix()}`;
    const mine = (await (await call(postDlpRules, "dlp-rules", { records: [rule(clientId)] })).json()) as UpsertBody;
    const theirs = await call(
      postDlpRules,
      "dlp-rules",
      { records: [rule(clientId, { name: "Theirs" })] },
      { key: globexKey.key },
    );
    expect(theirs.status).toBe(201);
    expect(((await theirs.json()) as UpsertBody).records[0]!.id).not.toBe(mine.records[0]!.id);
    expect(await db.dlpRule.count({ where: { orgId: acme.orgId, name: "Theirs" } })).toBe(0);

    const violation = {
      ruleId: mine.records[0]!.id,
      agentId: globexAgent.id,
      actionTaken: "alerted",
      detectedAt: "2026-01-31T12:00:00Z",
    };
    const refused = await call(postRecords, "dlp-violations", { records: [violation] }, { key: globexKey.key });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as ErrorBody).error.details?.fields).toHaveProperty(["records.0.ruleId"]);
  });

  it("needs an id per rule, checks enumerations, and writes nothing of an invalid batch", async () => {
    const name = `Invalid ${uniqueSuffix()}`;
    const response = await call(postDlpRules, "dlp-rules", {
      records: [
        rule(`ok-${uniqueSuffix()}`, { name }),
        { ...rule("x", { name, detector: "telepathy" }), id: undefined },
      ],
    });
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as ErrorBody).error.details?.fields ?? {};
    expect(Object.keys(fields).sort()).toEqual(["records.1.detector", "records.1.id"]);
    expect(await db.dlpRule.count({ where: { orgId: acme.orgId, name } })).toBe(0);
  });

  it("answers 403 to an auditor", async () => {
    const response = await call(
      postDlpRules,
      "dlp-rules",
      { records: [rule("a")] },
      { cookie: await sessionCookieFor(acme.auditor, acme.orgId) },
    );
    expect(response.status).toBe(403);
  });
});

describe("POST /api/engine/ingest/vault-secrets", () => {
  it("creates secrets by name, updates rotation keeping what is left out, and accesses reference them", async () => {
    const name = `smtp-${uniqueSuffix()}`;
    const created = await call(postVaultSecrets, "vault-secrets", {
      records: [{ name, kind: "smtp_credential", agentId: agent.id, createdAt: "2026-01-01T00:00:00Z" }],
    });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as UpsertBody).records[0]!.id;

    const rotated = await call(postVaultSecrets, "vault-secrets", {
      records: [{ name, kind: "smtp_credential", lastRotatedAt: "2026-01-31T08:00:00+01:00" }],
    });
    expect(rotated.status).toBe(200);
    expect((await rotated.json()) as UpsertBody).toMatchObject({
      updated: 1,
      records: [{ id, name, status: "updated" }],
    });
    expect(
      await db.vaultSecret.findUniqueOrThrow({
        where: { id },
        select: { orgId: true, agentId: true, createdAt: true, lastRotatedAt: true },
      }),
    ).toEqual({
      orgId: acme.orgId,
      agentId: agent.id,
      createdAt: new Date("2026-01-01T00:00:00Z"),
      lastRotatedAt: new Date("2026-01-31T07:00:00Z"),
    });

    const access = {
      secretId: id,
      action: "rotate",
      actorType: "system",
      outcome: "success",
      occurredAt: "2026-01-31T07:00:00Z",
    };
    expect((await call(postRecords, "vault-accesses", { records: [access] })).status).toBe(201);
    expect(await db.vaultAccess.count({ where: { orgId: acme.orgId, secretId: id, action: "rotate" } })).toBe(1);
  });

  it("refuses a secret's value, another org's agent, and repeated names; nothing is written", async () => {
    const name = `api-${uniqueSuffix()}`;
    const withValue = await call(postVaultSecrets, "vault-secrets", {
      records: [{ name, kind: "api_key", value: "sk_live_123" }],
    });
    expect(withValue.status).toBe(400);
    expect(((await withValue.json()) as ErrorBody).error.details?.fields).toHaveProperty(["records.0"]);

    const foreignAgent = await call(postVaultSecrets, "vault-secrets", {
      records: [{ name, kind: "api_key", agentId: globexAgent.id }],
    });
    expect(foreignAgent.status).toBe(400);
    expect(((await foreignAgent.json()) as ErrorBody).error.details?.fields).toEqual({
      "records.0.agentId": [`Unknown agent in this organization: ${globexAgent.id}`],
    });

    const repeated = await call(postVaultSecrets, "vault-secrets", {
      records: [
        { name, kind: "api_key" },
        { name, kind: "password" },
      ],
    });
    expect(repeated.status).toBe(400);
    expect(((await repeated.json()) as ErrorBody).error.details?.fields).toEqual({
      "records.1.name": ["Repeats the name of records.0"],
    });
    expect(await db.vaultSecret.count({ where: { name } })).toBe(0);
  });
});
