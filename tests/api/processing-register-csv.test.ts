// The Art. 30 register as a spreadsheet: POST …/processing-activities/import and
// GET …/processing-activities/export.csv, against a real database.
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as getExport } from "@/app/api/engine/compliance/processing-activities/export.csv/route";
import { POST as postImport } from "@/app/api/engine/compliance/processing-activities/import/route";
import { registerColumns } from "@/lib/processing-register/register-columns";
import { createTestAgent } from "@/tests/support/compliance-fixtures";
import {
  createTestApiKey,
  createTestOrg,
  sessionCookieFor,
  uniqueSuffix,
  type TestOrg,
} from "@/tests/support/fixtures";
import type { ErrorBody } from "@/tests/support/error-body";

type Problem = { row: number | null; column: string | null; message: string };
type ImportBody = { accepted: number; created: number; updated: number; records: { id: string; clientId: string }[] };

let acme: TestOrg;
let globex: TestOrg;
let agent: { id: string };
let globexAgent: { id: string };
let adminCookie: string;
let auditorCookie: string;

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTestOrg(), createTestOrg()]);
  [agent, globexAgent] = await Promise.all([
    createTestAgent(acme.orgId, "Support bot"),
    createTestAgent(globex.orgId, "Globex bot"),
  ]);
  [adminCookie, auditorCookie] = await Promise.all([
    sessionCookieFor(acme.admin, acme.orgId),
    sessionCookieFor(acme.auditor, acme.orgId),
  ]);
});

type Auth = { cookie?: string; key?: string };

function authHeaders(auth: Auth): Record<string, string> {
  const headers: Record<string, string> = {};
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.key) headers.authorization = `Bearer ${auth.key}`;
  return headers;
}

function importCsv(body: string, auth: Auth = { cookie: adminCookie }, contentType = "text/csv; charset=utf-8") {
  return postImport(
    new Request("http://localhost/api/engine/compliance/processing-activities/import", {
      method: "POST",
      headers: { "content-type": contentType, ...authHeaders(auth) },
      body,
    }),
    { params: Promise.resolve({}) },
  );
}

function exportCsv(auth: Auth = { cookie: auditorCookie }) {
  return getExport(
    new Request("http://localhost/api/engine/compliance/processing-activities/export.csv", {
      headers: authHeaders(auth),
    }),
    { params: Promise.resolve({}) },
  );
}

const header = registerColumns.join(",");

/** A register with an agent's activity, an org-wide one with automated decisions, and awkward cells. */
function registerFile(tag: string) {
  return [
    header,
    `sup-${tag},${agent.id},Support ${tag},"Answer tickets, by email","contract","contact details; support messages",customers,HelpDeskly,3 years,"US: EU-US Data Privacy Framework",The customer,false,`,
    `score-${tag},,Scoring ${tag},"=SUM(1,2) checks
on two lines",legitimate_interests,payment history,customers,,1 year,,Credit bureau,true,Orders above 500 EUR are refused on a risk score`,
  ].join("\r\n");
}

const activitiesTagged = (orgId: string, tag: string) =>
  db.processingActivity.findMany({
    where: { orgId, name: { endsWith: tag } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      clientId: true,
      agentId: true,
      name: true,
      purpose: true,
      dataCategories: true,
      thirdCountryTransfers: true,
      dataSource: true,
      automatedDecisionMaking: true,
      automatedDecisionLogic: true,
      updatedAt: true,
    },
  });

async function parseExport(response: Response) {
  const bytes = Buffer.from(await response.arrayBuffer());
  // A byte order mark, so spreadsheets read UTF-8 (Response.text() would drop it).
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { text, rows: parsed.data, fields: parsed.meta.fields };
}

describe("POST /api/engine/compliance/processing-activities/import", () => {
  it("creates the register's activities with one audit event each, and an export re-imports onto the same rows", async () => {
    const tag = uniqueSuffix();
    const created = await importCsv(registerFile(tag));
    expect(created.status).toBe(201);
    expect((await created.json()) as ImportBody).toMatchObject({ accepted: 2, created: 2, updated: 0 });
    const stored = await activitiesTagged(acme.orgId, tag);
    expect(stored).toMatchObject([
      {
        name: `Scoring ${tag}`,
        clientId: `score-${tag}`,
        agentId: null,
        purpose: "=SUM(1,2) checks\non two lines",
        dataSource: "Credit bureau",
        automatedDecisionMaking: true,
        automatedDecisionLogic: "Orders above 500 EUR are refused on a risk score",
      },
      {
        name: `Support ${tag}`,
        clientId: `sup-${tag}`,
        agentId: agent.id,
        purpose: "Answer tickets, by email",
        dataCategories: ["contact details", "support messages"],
        thirdCountryTransfers: [{ country: "US", safeguard: "EU-US Data Privacy Framework" }],
        automatedDecisionMaking: false,
        automatedDecisionLogic: null,
      },
    ]);
    const audited = await db.auditEvent.findMany({
      where: { orgId: acme.orgId, targetId: { in: stored.map((row) => row.id) } },
      select: { action: true, actorId: true },
    });
    expect(audited).toEqual([
      { action: "processing_activity.created", actorId: acme.admin.id },
      { action: "processing_activity.created", actorId: acme.admin.id },
    ]);

    const exported = await exportCsv();
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(exported.headers.get("content-disposition")).toMatch(/^attachment; filename="processing-activities-/);
    const { text, rows, fields } = await parseExport(exported);
    expect(fields).toEqual([...registerColumns]);
    const scoring = rows.find((row) => row.id === `score-${tag}`);
    // The formula guard of the report CSV dialect.
    expect(scoring?.purpose).toBe("'=SUM(1,2) checks\non two lines");
    expect(rows.find((row) => row.id === `sup-${tag}`)).toMatchObject({
      agent_id: agent.id,
      data_categories: "contact details; support messages",
      third_country_transfers: "US: EU-US Data Privacy Framework",
      automated_decision_making: "false",
    });

    const again = await importCsv(text);
    expect(again.status).toBe(200);
    expect((await again.json()) as ImportBody).toMatchObject({ created: 0, updated: rows.length });
    expect(await activitiesTagged(acme.orgId, tag)).toEqual(stored);
    // Nothing changed, so nothing more was audited.
    expect(
      await db.auditEvent.count({ where: { orgId: acme.orgId, targetId: { in: stored.map((row) => row.id) } } }),
    ).toBe(2);
  });

  it("writes nothing when one row is invalid, and lists each problem by row and column", async () => {
    const tag = uniqueSuffix();
    const file = [registerFile(tag), `bad-${tag},,Bad ${tag},,because,email,customers,,1 year,USA: SCCs,,true,`].join(
      "\r\n",
    );
    const response = await importCsv(file);
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody & { error: { details: { rows: Problem[] } } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toBe("The file has 4 problems; nothing was imported");
    expect(body.error.details.rows.map(({ row, column }) => `${row} ${column}`).sort()).toEqual([
      "4 automated_decision_logic",
      "4 legal_basis",
      "4 purpose",
      "4 third_country_transfers",
    ]);
    expect(await activitiesTagged(acme.orgId, tag)).toEqual([]);
  });

  it("refuses an agent of another org by row and column, writing nothing", async () => {
    const tag = uniqueSuffix();
    const file = [
      registerFile(tag),
      `x-${tag},${globexAgent.id},Foreign ${tag},P,contract,email,customers,,1 year,,,,`,
    ].join("\n");
    const response = await importCsv(file);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { details: { rows: Problem[] } } }).error.details.rows).toEqual([
      { row: 4, column: "agent_id", message: `Unknown agent in this organization: ${globexAgent.id}` },
    ]);
    expect(await activitiesTagged(acme.orgId, tag)).toEqual([]);
  });

  it("updates an activity that was never ingested (seeded) through the id the export gives it", async () => {
    const tag = uniqueSuffix();
    const storedId = `pa_seeded_${tag}`;
    await db.processingActivity.create({
      data: {
        id: storedId,
        orgId: acme.orgId,
        name: `Seeded ${tag}`,
        purpose: "Payroll",
        legalBasis: "legal_obligation",
        dataCategories: ["bank details"],
        subjectCategories: ["employees"],
        recipients: [],
        retention: "10 years",
        thirdCountryTransfers: [],
      },
    });
    const { rows } = await parseExport(await exportCsv());
    const row = rows.find((line) => line.id === storedId)!;
    expect(row).toMatchObject({ name: `Seeded ${tag}`, data_categories: "bank details" });
    const edited = Papa.unparse({ fields: [...registerColumns], data: [{ ...row, retention: "6 years" }] });
    const response = await importCsv(edited);
    expect(response.status).toBe(200);
    expect(
      await db.processingActivity.findMany({
        where: { orgId: acme.orgId, name: `Seeded ${tag}` },
        select: { id: true, clientId: true },
      }),
    ).toEqual([{ id: storedId, clientId: null }]);
    expect(await db.processingActivity.findUnique({ where: { id: storedId }, select: { retention: true } })).toEqual({
      retention: "6 years",
    });
  });

  it("lets admins and events:write keys import; auditors, members and read keys are refused (403)", async () => {
    const tag = uniqueSuffix();
    expect((await importCsv(registerFile(tag), {})).status).toBe(401);
    const readKey = await createTestApiKey(acme.orgId, ["reports:read", "reports:write"]);
    for (const auth of [
      { cookie: auditorCookie },
      { cookie: await sessionCookieFor(acme.member, acme.orgId) },
      { key: readKey.key },
    ]) {
      const response = await importCsv(registerFile(tag), auth);
      expect(response.status).toBe(403);
      expect(((await response.json()) as ErrorBody).error.code).toBe("forbidden");
    }
    expect(await activitiesTagged(acme.orgId, tag)).toEqual([]);
    const writeKey = await createTestApiKey(acme.orgId, ["events:write"]);
    expect((await importCsv(registerFile(tag), { key: writeKey.key })).status).toBe(201);
  });

  it("answers 413 past the size limit and 415 for a body that is not text/csv", async () => {
    const tag = uniqueSuffix();
    const huge = `${registerFile(tag)}\r\n${"x".repeat(5 * 1024 * 1024)}`;
    const tooLarge = await importCsv(huge);
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as ErrorBody).error.code).toBe("payload_too_large");
    expect((await importCsv(registerFile(tag), { cookie: adminCookie }, "application/json")).status).toBe(415);
    expect(await activitiesTagged(acme.orgId, tag)).toEqual([]);
  });
});

describe("GET /api/engine/compliance/processing-activities/export.csv", () => {
  it("lets admins, auditors and read keys export; members and no identity are refused", async () => {
    const readKey = await createTestApiKey(acme.orgId, ["reports:read"]);
    for (const auth of [{ cookie: adminCookie }, { cookie: auditorCookie }, { key: readKey.key }]) {
      expect((await exportCsv(auth)).status).toBe(200);
    }
    expect((await exportCsv({ cookie: await sessionCookieFor(acme.member, acme.orgId) })).status).toBe(403);
    expect((await exportCsv({})).status).toBe(401);
  });

  it("exports only the caller's org; another org importing the same ids gets rows of its own", async () => {
    const tag = uniqueSuffix();
    expect((await importCsv(registerFile(tag))).status).toBe(201);
    const globexCookie = await sessionCookieFor(globex.admin, globex.orgId);
    const theirs = await exportCsv({ cookie: globexCookie });
    const { text } = await parseExport(theirs);
    expect(text).not.toContain(tag);
    expect(text).not.toContain(agent.id);

    const acmeRows = await activitiesTagged(acme.orgId, tag);
    const globexFile = registerFile(tag).replace(agent.id, globexAgent.id);
    const response = await importCsv(globexFile, { cookie: globexCookie });
    expect(response.status).toBe(201);
    expect((await response.json()) as ImportBody).toMatchObject({ created: 2, updated: 0 });
    expect(await activitiesTagged(acme.orgId, tag)).toEqual(acmeRows);
    expect((await activitiesTagged(globex.orgId, tag)).map((row) => row.agentId).sort()).toEqual(
      [globexAgent.id, null].sort(),
    );
  });

  it("pages through a register longer than one page, every activity once", async () => {
    const org = await createTestOrg();
    const rows = Array.from(
      { length: 1001 },
      (_, index) => `p-${index},,Activity ${index},Purpose,contract,email,customers,,1 year,,,,`,
    );
    // Two files: at most 1,000 rows each.
    const cookie = await sessionCookieFor(org.admin, org.orgId);
    expect((await importCsv([header, ...rows.slice(0, 600)].join("\n"), { cookie })).status).toBe(201);
    expect((await importCsv([header, ...rows.slice(600)].join("\n"), { cookie })).status).toBe(201);
    const { rows: exported } = await parseExport(await exportCsv({ cookie }));
    expect(exported).toHaveLength(1001);
    expect(new Set(exported.map((row) => row.id)).size).toBe(1001);
  });
});
