// POST /api/engine/ingest/processing-activities: the platform upserts its GDPR
// Art. 30 records of processing by its own id, and the GDPR Export reports them.
import { beforeAll, describe, expect, it } from "vitest";
import { reportDefinitions } from "@/lib/compliance/reports";
import { db } from "@/lib/db";
import { POST as postActivities } from "@/app/api/engine/ingest/processing-activities/route";
import { CollectingReportOutput } from "@/tests/support/collecting-report-output";
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
import { buildContext } from "@/tests/support/seed-report-content";

process.env.ATTEST_INGEST_RATE_LIMIT = "1000";

type UpsertBody = {
  kind: string;
  accepted: number;
  created: number;
  updated: number;
  records: { id: string; clientId: string; status: "created" | "updated" }[];
};

let acme: TestOrg;
let globex: TestOrg;
let acmeKey: TestApiKey;
let globexKey: TestApiKey;
let agent: { id: string };
let otherAgent: { id: string };
let globexAgent: { id: string };

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTestOrg(), createTestOrg()]);
  [acmeKey, globexKey, agent, otherAgent, globexAgent] = await Promise.all([
    createTestApiKey(acme.orgId, ["events:write"]),
    createTestApiKey(globex.orgId, ["events:write"]),
    createTestAgent(acme.orgId, "Support bot"),
    createTestAgent(acme.orgId, "Sales bot"),
    createTestAgent(globex.orgId, "Globex bot"),
  ]);
});

function post(body: unknown, auth: { key?: string; cookie?: string } = { key: acmeKey.key }) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (auth.key) headers.authorization = `Bearer ${auth.key}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  return postActivities(
    new Request("http://localhost/api/engine/ingest/processing-activities", {
      method: "POST",
      headers,
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
}

const activity = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  agentId: agent.id,
  name: "Customer support correspondence",
  purpose: "Answer and route customer support requests.",
  legalBasis: "contract",
  dataCategories: ["contact details", "support messages"],
  subjectCategories: ["customers"],
  recipients: ["HelpDeskly Inc. (ticketing processor)"],
  retention: "3 years after the last contact",
  thirdCountryTransfers: [{ country: "US", safeguard: "EU-US Data Privacy Framework" }],
  ...overrides,
});

const activitiesNamed = (orgId: string, name: string) =>
  db.processingActivity.findMany({
    where: { orgId, name },
    select: {
      id: true,
      agentId: true,
      name: true,
      purpose: true,
      legalBasis: true,
      dataCategories: true,
      subjectCategories: true,
      recipients: true,
      retention: true,
      thirdCountryTransfers: true,
      createdAt: true,
      updatedAt: true,
    },
  });

describe("POST /api/engine/ingest/processing-activities", () => {
  it("creates activities by the platform's id (201) and updates them in place when sent again (200)", async () => {
    const clientId = `pa-${uniqueSuffix()}`;
    const name = `Support ${clientId}`;
    const created = await post({ records: [activity(clientId, { name })] });
    expect(created.status).toBe(201);
    expect(created.headers.get("ratelimit-limit")).toBe("1000");
    const createdBody = (await created.json()) as UpsertBody;
    expect(createdBody).toMatchObject({ kind: "processing-activities", accepted: 1, created: 1, updated: 0 });
    const id = createdBody.records[0]!.id;
    expect(createdBody.records).toEqual([{ id, clientId, status: "created" }]);
    const [stored] = await activitiesNamed(acme.orgId, name);
    expect(stored).toMatchObject({
      id,
      agentId: agent.id,
      legalBasis: "contract",
      dataCategories: ["contact details", "support messages"],
      subjectCategories: ["customers"],
      recipients: ["HelpDeskly Inc. (ticketing processor)"],
      retention: "3 years after the last contact",
      thirdCountryTransfers: [{ country: "US", safeguard: "EU-US Data Privacy Framework" }],
    });

    // updatedAt has millisecond precision: let the clock move on.
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The full state: agentId left out makes the activity org-wide.
    const { agentId: _dropped, ...orgWide } = activity(clientId, {
      name,
      legalBasis: "legitimate_interests",
      recipients: [],
      thirdCountryTransfers: [],
    });
    const again = await post({ records: [orgWide] });
    expect(again.status).toBe(200);
    expect((await again.json()) as UpsertBody).toMatchObject({
      accepted: 1,
      created: 0,
      updated: 1,
      records: [{ id, clientId, status: "updated" }],
    });
    const after = await activitiesNamed(acme.orgId, name);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      id,
      agentId: null,
      legalBasis: "legitimate_interests",
      recipients: [],
      thirdCountryTransfers: [],
      createdAt: stored!.createdAt,
    });
    expect(after[0]!.updatedAt.getTime()).toBeGreaterThan(stored!.updatedAt.getTime());
  });

  it("refuses a bad legal basis, unknown keys, a bad country and repeated ids per field; writes nothing", async () => {
    const name = `Invalid ${uniqueSuffix()}`;
    const response = await post({
      records: [
        activity(`ok-${uniqueSuffix()}`, { name }),
        activity(`a-${uniqueSuffix()}`, { name, legalBasis: "because" }),
        activity(`b-${uniqueSuffix()}`, { name, controller: "Acme" }),
        activity(`c-${uniqueSuffix()}`, { name, thirdCountryTransfers: [{ country: "USA", safeguard: "SCCs" }] }),
        activity(`d-${uniqueSuffix()}`, { name, dataCategories: [], retention: "" }),
        activity("same", { name }),
        activity("same", { name }),
      ],
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("validation_failed");
    const fields = body.error.details?.fields ?? {};
    expect(Object.keys(fields).sort()).toEqual([
      "records.1.legalBasis",
      "records.2",
      "records.3.thirdCountryTransfers.0.country",
      "records.4.dataCategories",
      "records.4.retention",
      "records.6.id",
    ]);
    expect(fields["records.2"]?.join(" ")).toContain("controller");
    expect(fields["records.3.thirdCountryTransfers.0.country"]).toEqual([
      "Use an ISO 3166-1 alpha-2 country code, e.g. DE",
    ]);
    expect(fields["records.6.id"]).toEqual(["Repeats the id of records.5"]);
    expect(await db.processingActivity.count({ where: { orgId: acme.orgId, name } })).toBe(0);
  });

  it("keeps the data source and automated decision-making; leaving them out clears them", async () => {
    const clientId = `art15-${uniqueSuffix()}`;
    const name = `Art15 ${clientId}`;
    const select = {
      dataSource: true,
      automatedDecisionMaking: true,
      automatedDecisionLogic: true,
      clientId: true,
    } as const;
    const created = await post({
      records: [
        activity(clientId, {
          name,
          dataSource: "Customer CRM, and public company registers",
          automatedDecisionMaking: true,
          automatedDecisionLogic: "Tickets are scored for fraud risk; high scores are refused without review.",
        }),
      ],
    });
    expect(created.status).toBe(201);
    expect(await db.processingActivity.findMany({ where: { orgId: acme.orgId, name }, select })).toEqual([
      {
        dataSource: "Customer CRM, and public company registers",
        automatedDecisionMaking: true,
        automatedDecisionLogic: "Tickets are scored for fraud risk; high scores are refused without review.",
        clientId,
      },
    ]);

    expect((await post({ records: [activity(clientId, { name })] })).status).toBe(200);
    expect(await db.processingActivity.findMany({ where: { orgId: acme.orgId, name }, select })).toEqual([
      { dataSource: null, automatedDecisionMaking: false, automatedDecisionLogic: null, clientId },
    ]);
  });

  it("refuses automated decision-making without its logic, logic without it, and a non-boolean (400 naming the field)", async () => {
    const name = `Art15 invalid ${uniqueSuffix()}`;
    const response = await post({
      records: [
        activity(`a-${uniqueSuffix()}`, { name, automatedDecisionMaking: true }),
        activity(`b-${uniqueSuffix()}`, { name, automatedDecisionLogic: "Scoring" }),
        activity(`c-${uniqueSuffix()}`, { name, automatedDecisionMaking: "yes" }),
        activity(`d-${uniqueSuffix()}`, { name, dataSource: "  " }),
      ],
    });
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as ErrorBody).error.details?.fields ?? {};
    expect(Object.keys(fields).sort()).toEqual([
      "records.0.automatedDecisionLogic",
      "records.1.automatedDecisionLogic",
      "records.2.automatedDecisionMaking",
      "records.3.dataSource",
    ]);
    expect(fields["records.0.automatedDecisionLogic"]).toEqual([
      "Describe the logic involved when automatedDecisionMaking is true",
    ]);
    expect(await db.processingActivity.count({ where: { orgId: acme.orgId, name } })).toBe(0);
  });

  it("updates an activity that was not ingested (seeded) when a record carries its stored id", async () => {
    const storedId = `seeded_${uniqueSuffix()}`;
    await db.processingActivity.create({
      data: {
        id: storedId,
        orgId: acme.orgId,
        name: "Seeded activity",
        purpose: "Seeded",
        legalBasis: "contract",
        dataCategories: ["email"],
        subjectCategories: ["customers"],
        recipients: [],
        retention: "1 year",
        thirdCountryTransfers: [],
      },
    });
    const response = await post({ records: [activity(storedId, { name: `Renamed ${storedId}` })] });
    expect(response.status).toBe(200);
    expect(((await response.json()) as UpsertBody).records).toEqual([
      { id: storedId, clientId: storedId, status: "updated" },
    ]);
    expect(
      await db.processingActivity.findMany({
        where: { orgId: acme.orgId, name: `Renamed ${storedId}` },
        select: { id: true, clientId: true },
      }),
    ).toEqual([{ id: storedId, clientId: null }]);
    // Another org naming that id creates its own row and leaves Acme's alone.
    const theirs = await post(
      { records: [activity(storedId, { name: `Globex ${storedId}`, agentId: globexAgent.id })] },
      { key: globexKey.key },
    );
    expect(theirs.status).toBe(201);
    expect(((await theirs.json()) as UpsertBody).records[0]!.id).not.toBe(storedId);
  });

  it("refuses an agentId that is not an agent of the caller's org (400 naming it); writes nothing", async () => {
    const name = `Foreign agent ${uniqueSuffix()}`;
    const response = await post({
      records: [
        activity(`ok-${uniqueSuffix()}`, { name }),
        activity(`x-${uniqueSuffix()}`, { name, agentId: globexAgent.id }),
      ],
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.details?.fields).toEqual({
      "records.1.agentId": [`Unknown agent in this organization: ${globexAgent.id}`],
    });
    expect(await db.processingActivity.count({ where: { orgId: acme.orgId, name } })).toBe(0);
  });

  it("lets admins and events:write keys upsert; refuses auditors, members, other keys and no identity", async () => {
    const name = `Roles ${uniqueSuffix()}`;
    const batch = { records: [activity(`roles-${uniqueSuffix()}`, { name })] };
    const readKey = await createTestApiKey(acme.orgId, ["reports:read", "reports:write"]);

    const anonymous = await post(batch, {});
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as ErrorBody).error.code).toBe("unauthorized");
    const refused = [
      { key: readKey.key },
      { cookie: await sessionCookieFor(acme.auditor, acme.orgId) },
      { cookie: await sessionCookieFor(acme.member, acme.orgId) },
    ];
    for (const auth of refused) {
      const response = await post(batch, auth);
      expect(response.status).toBe(403);
      expect(((await response.json()) as ErrorBody).error).toMatchObject({
        code: "forbidden",
        message: expect.stringContaining("events:write"),
      });
    }
    expect(await db.processingActivity.count({ where: { name } })).toBe(0);

    const admin = await post(batch, { cookie: await sessionCookieFor(acme.admin, acme.orgId) });
    expect(admin.status).toBe(201);
    const key = await post(batch);
    expect(key.status).toBe(200);
    expect(await db.processingActivity.count({ where: { orgId: acme.orgId, name } })).toBe(1);
  });

  it("answers 403 to a batch or record naming another org", async () => {
    const name = `Other org ${uniqueSuffix()}`;
    const record = activity(`org-${uniqueSuffix()}`, { name });
    expect((await post({ orgId: globex.orgId, records: [record] })).status).toBe(403);
    expect((await post({ records: [{ ...record, orgId: globex.orgId }] })).status).toBe(403);
    expect(await db.processingActivity.count({ where: { name } })).toBe(0);
  });

  it("keeps two orgs' equal platform ids apart: Globex's upsert never touches Acme's row", async () => {
    const clientId = `shared-${uniqueSuffix()}`;
    const name = `Acme ${clientId}`;
    const mine = (await (await post({ records: [activity(clientId, { name })] })).json()) as UpsertBody;
    const [before] = await activitiesNamed(acme.orgId, name);

    const theirs = await post(
      { records: [activity(clientId, { name: `Globex ${clientId}`, agentId: globexAgent.id, legalBasis: "consent" })] },
      { key: globexKey.key },
    );
    expect(theirs.status).toBe(201);
    const theirBody = (await theirs.json()) as UpsertBody;
    expect(theirBody).toMatchObject({ created: 1, updated: 0 });
    expect(theirBody.records[0]!.id).not.toBe(mine.records[0]!.id);

    expect(await activitiesNamed(acme.orgId, name)).toEqual([before]);
    expect(await db.processingActivity.count({ where: { orgId: acme.orgId, name: `Globex ${clientId}` } })).toBe(0);
    expect(
      await db.processingActivity.findMany({
        where: { orgId: globex.orgId, name: `Globex ${clientId}` },
        select: { id: true, agentId: true, legalBasis: true },
      }),
    ).toEqual([{ id: theirBody.records[0]!.id, agentId: globexAgent.id, legalBasis: "consent" }]);
  });

  it("puts the agent's own and org-wide activities into the agent's GDPR Export, not another agent's", async () => {
    const tag = uniqueSuffix();
    const response = await post({
      records: [
        activity(`own-${tag}`, { name: `Own ${tag}` }),
        activity(`org-${tag}`, { name: `Org-wide ${tag}`, agentId: null, legalBasis: "legal_obligation" }),
        activity(`other-${tag}`, { name: `Other agent ${tag}`, agentId: otherAgent.id }),
      ],
    });
    expect(response.status).toBe(201);
    const ids = ((await response.json()) as UpsertBody).records.map((record) => record.id);

    const definition = reportDefinitions.gdpr;
    const output = new CollectingReportOutput(definition.csvColumns);
    await definition.build(buildContext(acme.orgId, "gdpr", { agentIds: [agent.id] }), output);
    const rows = output
      .table("processing_activities", "activities")
      .filter((row) => typeof row.name === "string" && row.name.endsWith(tag));
    expect(rows.map((row) => [row.id, row.applies_to]).sort()).toEqual(
      [
        [ids[0], "agent"],
        [ids[1], "organization"],
      ].sort(),
    );
    expect(rows.find((row) => row.id === ids[0])).toMatchObject({
      agent_id: agent.id,
      legal_basis: "contract",
      data_categories: ["contact details", "support messages"],
      third_country_transfers: [{ country: "US", safeguard: "EU-US Data Privacy Framework" }],
    });
  });
});
