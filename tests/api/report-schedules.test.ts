// Report schedules: the routes (roles, validation, cross-org 404), each closed
// period queued exactly once however many ticks race for it (in one process
// and in separate processes), catch-up after downtime with a controlled clock,
// pause/resume, and the continuous record's gaps.
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/engine/compliance/schedules/route";
import {
  DELETE as deleteRoute,
  GET as getRoute,
  PATCH as patchRoute,
} from "@/app/api/engine/compliance/schedules/[scheduleId]/route";
import { GET as recordRoute } from "@/app/api/engine/compliance/schedules/[scheduleId]/record/route";
import { DELETE as deleteReportRoute } from "@/app/api/engine/compliance/reports/[reportRef]/route";
import { createReportSchedule } from "@/lib/compliance/schedules/create-report-schedule";
import { getScheduleRecord } from "@/lib/compliance/schedules/get-schedule-record";
import { maxCatchUpPeriods, runDueSchedules } from "@/lib/compliance/schedules/run-due-schedules";
import { updateReportSchedule } from "@/lib/compliance/schedules/update-report-schedule";
import type { ScheduleRecord, ScheduleResponse } from "@/lib/compliance/schedules/schedule-schemas";
import { db } from "@/lib/db";
import { createTestAgent, sessionIdentity } from "@/tests/support/compliance-fixtures";
import { createTestApiKey, createTestOrg, sessionCookieFor, type TestOrg } from "@/tests/support/fixtures";

const execFileAsync = promisify(execFile);
const base = "http://localhost/api/engine/compliance/schedules";
const idParams = (scheduleId: string) => ({ params: Promise.resolve({ scheduleId }) });
const json = { "content-type": "application/json" };

async function cookie(org: TestOrg, role: "admin" | "auditor" | "member") {
  const user = role === "admin" ? org.admin : role === "auditor" ? org.auditor : org.member;
  return { cookie: await sessionCookieFor(user, org.orgId) };
}

/** A schedule of a fresh org created at `createdAt` (the clock the tests control). */
async function scheduleAt(createdAt: string, cadence: "weekly" | "monthly" | "quarterly" = "monthly") {
  const org = await createTestOrg();
  const schedule = await createReportSchedule(
    { identity: sessionIdentity(org) },
    { type: "soc2", cadence },
    { now: new Date(createdAt) },
  );
  return { org, schedule };
}

const runsOf = (scheduleId: string) =>
  db.reportScheduleRun.findMany({
    where: { scheduleId },
    orderBy: { periodStart: "asc" },
    select: { periodStart: true, periodEnd: true, reportId: true },
  });

let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  org = await createTestOrg();
  other = await createTestOrg();
});

describe("schedule routes", () => {
  it("admins create, read, pause, resume and delete; auditors read; members and other orgs cannot", async () => {
    const agent = await createTestAgent(org.orgId, "Scheduled Agent");
    const created = await createRoute(
      new Request(base, {
        method: "POST",
        headers: { ...json, ...(await cookie(org, "admin")) },
        body: JSON.stringify({ type: "audit", cadence: "weekly", agentIds: [agent.id] }),
      }),
      idParams(""),
    );
    expect(created.status).toBe(201);
    const schedule = (await created.json()) as ScheduleResponse;
    expect(created.headers.get("location")).toBe(`/api/engine/compliance/schedules/${schedule.id}`);
    expect(schedule).toMatchObject({ type: "audit", cadence: "weekly", agentIds: [agent.id], status: "active" });
    expect(new Date(`${schedule.firstPeriodStart}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(
      await db.auditEvent.count({
        where: { orgId: org.orgId, action: "compliance.schedule_created", targetId: schedule.id },
      }),
    ).toBe(1);

    const list = await listRoute(new Request(base, { headers: await cookie(org, "auditor") }), idParams(""));
    expect(list.status).toBe(200);
    expect(((await list.json()) as { schedules: ScheduleResponse[] }).schedules.map((s) => s.id)).toContain(
      schedule.id,
    );
    const read = await getRoute(
      new Request(`${base}/${schedule.id}`, { headers: await cookie(org, "auditor") }),
      idParams(schedule.id),
    );
    expect(read.status).toBe(200);
    const record = await recordRoute(
      new Request(`${base}/${schedule.id}/record`, { headers: await cookie(org, "auditor") }),
      idParams(schedule.id),
    );
    expect(record.status).toBe(200);
    expect(((await record.json()) as ScheduleRecord).periods.at(-1)?.state).toBe("open");

    // Auditors and members cannot write; members cannot read.
    const auditorPost = await createRoute(
      new Request(base, {
        method: "POST",
        headers: { ...json, ...(await cookie(org, "auditor")) },
        body: JSON.stringify({ type: "soc2", cadence: "monthly" }),
      }),
      idParams(""),
    );
    expect(auditorPost.status).toBe(403);
    expect((await listRoute(new Request(base, { headers: await cookie(org, "member") }), idParams(""))).status).toBe(
      403,
    );
    const auditorPatch = await patchRoute(
      new Request(`${base}/${schedule.id}`, {
        method: "PATCH",
        headers: { ...json, ...(await cookie(org, "auditor")) },
        body: JSON.stringify({ status: "paused" }),
      }),
      idParams(schedule.id),
    );
    expect(auditorPatch.status).toBe(403);

    // Another org's admin: 404 for every verb, as if it did not exist.
    const foreign = await cookie(other, "admin");
    expect(
      (await getRoute(new Request(`${base}/${schedule.id}`, { headers: foreign }), idParams(schedule.id))).status,
    ).toBe(404);
    expect(
      (await recordRoute(new Request(`${base}/${schedule.id}/record`, { headers: foreign }), idParams(schedule.id)))
        .status,
    ).toBe(404);
    expect(
      (
        await patchRoute(
          new Request(`${base}/${schedule.id}`, {
            method: "PATCH",
            headers: { ...json, ...foreign },
            body: JSON.stringify({ status: "paused" }),
          }),
          idParams(schedule.id),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await deleteRoute(
          new Request(`${base}/${schedule.id}`, { method: "DELETE", headers: foreign }),
          idParams(schedule.id),
        )
      ).status,
    ).toBe(404);

    const paused = await patchRoute(
      new Request(`${base}/${schedule.id}`, {
        method: "PATCH",
        headers: { ...json, ...(await cookie(org, "admin")) },
        body: JSON.stringify({ status: "paused", agentIds: [] }),
      }),
      idParams(schedule.id),
    );
    expect(paused.status).toBe(200);
    expect(await paused.json()).toMatchObject({ status: "paused", agentIds: [], nextRunAt: null });
    expect(
      await db.auditEvent.count({
        where: { orgId: org.orgId, action: "compliance.schedule_paused", targetId: schedule.id },
      }),
    ).toBe(1);

    const removed = await deleteRoute(
      new Request(`${base}/${schedule.id}`, { method: "DELETE", headers: await cookie(org, "admin") }),
      idParams(schedule.id),
    );
    expect(removed.status).toBe(204);
    expect(await db.reportSchedule.count({ where: { id: schedule.id } })).toBe(0);
  });

  it("refuses a type without a period, an unknown cadence, another org's agent, and an empty update, naming the field", async () => {
    const key = await createTestApiKey(org.orgId, ["reports:read", "reports:write"]);
    const post = (body: unknown) =>
      createRoute(
        new Request(base, {
          method: "POST",
          headers: { ...json, authorization: `Bearer ${key.key}` },
          body: JSON.stringify(body),
        }),
        idParams(""),
      );
    const fieldsOf = async (response: Response) =>
      Object.keys(
        ((await response.json()) as { error: { details: { fields: Record<string, string[]> } } }).error.details.fields,
      );
    const gdpr = await post({ type: "gdpr", cadence: "monthly" });
    expect(gdpr.status).toBe(400);
    expect(await fieldsOf(gdpr)).toEqual(["type"]);
    const daily = await post({ type: "soc2", cadence: "daily" });
    expect(daily.status).toBe(400);
    expect(await fieldsOf(daily)).toEqual(["cadence"]);
    const foreignAgent = await createTestAgent(other.orgId, "Not Ours");
    const agent = await post({ type: "soc2", cadence: "monthly", agentIds: [foreignAgent.id] });
    expect(agent.status).toBe(400);
    expect(await fieldsOf(agent)).toEqual(["agentIds"]);
    const created = (await (await post({ type: "soc2", cadence: "quarterly" })).json()) as ScheduleResponse;
    const empty = await patchRoute(
      new Request(`${base}/${created.id}`, {
        method: "PATCH",
        headers: { ...json, authorization: `Bearer ${key.key}` },
        body: "{}",
      }),
      idParams(created.id),
    );
    expect(empty.status).toBe(400);
    expect(await db.reportSchedule.count({ where: { orgId: org.orgId, cadence: "daily" } })).toBe(0);
  });
});

describe("running schedules", () => {
  it("queues nothing before the first period closes, then exactly that period's report, titled with it and audited", async () => {
    const { org: own, schedule } = await scheduleAt("2026-10-14T08:00:00Z");
    expect(schedule.firstPeriodStart).toBe("2026-10-01");
    expect(await runDueSchedules(db, { now: new Date("2026-10-31T23:59:59Z"), orgId: own.orgId })).toEqual([]);
    const queued = await runDueSchedules(db, { now: new Date("2026-11-01T00:00:00Z"), orgId: own.orgId });
    expect(queued).toHaveLength(1);
    const report = await db.report.findUniqueOrThrow({
      where: { id: queued[0]!.reportId },
      select: {
        orgId: true,
        type: true,
        title: true,
        status: true,
        periodFrom: true,
        periodTo: true,
        createdByType: true,
      },
    });
    expect(report).toMatchObject({
      orgId: own.orgId,
      type: "soc2",
      status: "pending",
      periodFrom: "2026-10-01",
      periodTo: "2026-10-31",
      createdByType: "schedule",
    });
    expect(report.title).toContain("2026-10-01 to 2026-10-31");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { orgId: own.orgId, action: "compliance.scheduled_report_queued", targetId: queued[0]!.reportId },
      select: { actorType: true, actorId: true, metadata: true },
    });
    expect(event).toMatchObject({ actorType: "system", actorId: schedule.id });
    expect(event.metadata).toMatchObject({ scheduleId: schedule.id, period: { from: "2026-10-01", to: "2026-10-31" } });
    // Ticking again within the next period queues nothing more.
    expect(await runDueSchedules(db, { now: new Date("2026-11-20T00:00:00Z"), orgId: own.orgId })).toEqual([]);
  });

  it("queues each period once when ticks race in one process", async () => {
    const { org: own, schedule } = await scheduleAt("2026-06-03T00:00:00Z", "weekly");
    const now = new Date("2026-06-29T00:00:00Z");
    const results = await Promise.all([
      runDueSchedules(db, { now, orgId: own.orgId }),
      runDueSchedules(db, { now, orgId: own.orgId }),
      runDueSchedules(db, { now, orgId: own.orgId }),
    ]);
    // Weeks from Monday 2026-06-01: four have closed by Monday 2026-06-29.
    expect(results.flat()).toHaveLength(4);
    expect((await runsOf(schedule.id)).map((run) => run.periodStart)).toEqual([
      "2026-06-01",
      "2026-06-08",
      "2026-06-15",
      "2026-06-22",
    ]);
    expect(await db.report.count({ where: { orgId: own.orgId } })).toBe(4);
    expect(
      await db.auditEvent.count({ where: { orgId: own.orgId, action: "compliance.scheduled_report_queued" } }),
    ).toBe(4);
  });

  it("queues each period once when separate processes tick at once", async () => {
    const { org: own, schedule } = await scheduleAt("2026-01-10T00:00:00Z", "monthly");
    const child = path.join(path.dirname(fileURLToPath(import.meta.url)), "report-schedule-tick-child.ts");
    const url = process.env.DATABASE_URL ?? "";
    const tick = () =>
      execFileAsync(process.execPath, ["--import", "tsx", child, url, own.orgId, "2026-05-01T00:00:05Z"], {
        env: { ...process.env, LOG_LEVEL: "silent" },
      }).then(({ stdout }) => (JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as { queued: number }).queued);
    const counts = await Promise.all([tick(), tick()]);
    // January to April: four periods, split between the processes in any way, but four in all.
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(4);
    expect((await runsOf(schedule.id)).map((run) => run.periodStart)).toEqual([
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
      "2026-04-01",
    ]);
    expect(await db.report.count({ where: { orgId: own.orgId } })).toBe(4);
  }, 120_000);

  it("catches up the periods missed while no server ran, the latest ones up to the bound", async () => {
    const { org: own, schedule } = await scheduleAt("2024-03-05T00:00:00Z", "monthly");
    // The first tick after downtime: March 2024 to November 2026 closed (33 months).
    const queued = await runDueSchedules(db, { now: new Date("2026-12-03T18:00:00Z"), orgId: own.orgId });
    expect(queued).toHaveLength(maxCatchUpPeriods);
    const starts = (await runsOf(schedule.id)).map((run) => run.periodStart);
    expect(starts[0]).toBe("2025-12-01");
    expect(starts.at(-1)).toBe("2026-11-01");
    const record = await getScheduleRecord({ identity: sessionIdentity(own, "auditor") }, schedule.id, {
      now: new Date("2026-12-03T18:00:00Z"),
    });
    // The 21 older months were never queued: gaps, said as missing.
    expect(record.periods.filter((period) => period.state === "missing")).toHaveLength(33 - maxCatchUpPeriods);
    expect(record.periods[0]).toMatchObject({ from: "2024-03-01", to: "2024-03-31", state: "missing" });
    expect(record.periods.at(-1)).toMatchObject({ from: "2026-12-01", state: "open" });
  });

  it("catches up a quarter across the year end after a short outage", async () => {
    const { org: own, schedule } = await scheduleAt("2025-08-01T00:00:00Z", "quarterly");
    expect(await runDueSchedules(db, { now: new Date("2025-09-30T12:00:00Z"), orgId: own.orgId })).toEqual([]);
    // Down from October to mid-January: Q3 and Q4 both closed meanwhile.
    await runDueSchedules(db, { now: new Date("2026-01-15T00:00:00Z"), orgId: own.orgId });
    expect(await runsOf(schedule.id)).toEqual([
      expect.objectContaining({ periodStart: "2025-07-01", periodEnd: "2025-09-30" }),
      expect.objectContaining({ periodStart: "2025-10-01", periodEnd: "2025-12-31" }),
    ]);
  });

  it("queues nothing while paused, and does not catch up the paused periods on resume", async () => {
    const { org: own, schedule } = await scheduleAt("2026-01-05T00:00:00Z", "monthly");
    const admin = { identity: sessionIdentity(own) };
    await updateReportSchedule(admin, schedule.id, { status: "paused" }, { now: new Date("2026-01-20T00:00:00Z") });
    expect(await runDueSchedules(db, { now: new Date("2026-03-10T00:00:00Z"), orgId: own.orgId })).toEqual([]);
    await updateReportSchedule(admin, schedule.id, { status: "active" }, { now: new Date("2026-03-10T00:00:00Z") });
    await runDueSchedules(db, { now: new Date("2026-04-02T00:00:00Z"), orgId: own.orgId });
    expect((await runsOf(schedule.id)).map((run) => run.periodStart)).toEqual(["2026-03-01"]);
    const record = await getScheduleRecord(admin, schedule.id, { now: new Date("2026-04-02T00:00:00Z") });
    expect(record.periods.map((period) => [period.from, period.state])).toEqual([
      ["2026-01-01", "missing"],
      ["2026-02-01", "missing"],
      ["2026-03-01", "pending"],
      ["2026-04-01", "open"],
    ]);
    expect(record.gaps).toBe(2);
  });
});

describe("the continuous record", () => {
  it("shows each period covered, failed, deleted, due or open, and counts the gaps", async () => {
    const { org: own, schedule } = await scheduleAt("2026-05-02T00:00:00Z", "monthly");
    await runDueSchedules(db, { now: new Date("2026-09-01T00:00:00Z"), orgId: own.orgId });
    const runs = await runsOf(schedule.id);
    expect(runs.map((run) => run.periodStart)).toEqual(["2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01"]);
    const [may, june, july] = runs;
    await db.report.update({
      where: { id: may!.reportId },
      data: { status: "completed", completedAt: new Date("2026-06-01T00:05:00Z") },
    });
    await db.report.update({ where: { id: june!.reportId }, data: { status: "failed", errorCode: "source_failed" } });
    const deleted = await deleteReportRoute(
      new Request(`http://localhost/api/engine/compliance/reports/${july!.reportId}`, {
        method: "DELETE",
        headers: { cookie: await sessionCookieFor(own.admin, own.orgId) },
      }),
      { params: Promise.resolve({ reportRef: july!.reportId }) },
    );
    expect(deleted.status).toBe(204);

    // September (and, by the real clock, later months) closed after the last tick: due, not a gap.
    const response = await recordRoute(
      new Request(`${base}/${schedule.id}/record`, { headers: await cookie(own, "auditor") }),
      idParams(schedule.id),
    );
    const record = (await response.json()) as ScheduleRecord;
    const closedSoFar = record.periods.filter((period) => period.from <= "2026-08-01");
    expect(closedSoFar.map((period) => [period.from, period.state, period.report?.id ?? null])).toEqual([
      ["2026-05-01", "covered", may!.reportId],
      ["2026-06-01", "failed", june!.reportId],
      ["2026-07-01", "deleted", null],
      ["2026-08-01", "pending", runs[3]!.reportId],
    ]);
    expect(record.periods.find((period) => period.from === "2026-09-01")?.state).toBe("due");
    expect(record.periods.at(-1)?.state).toBe("open");
    expect(record.gaps).toBe(2 + record.periods.filter((period) => period.state === "missing").length);
    expect(record.periods.filter((period) => period.state === "missing")).toEqual([]);
  });
});
