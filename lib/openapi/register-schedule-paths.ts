// Report schedules, their continuous record, report retention and legal hold
// in the OpenAPI document.
import { z } from "zod";
import { reportResponseSchema } from "@/lib/compliance/requests/response-schemas";
import {
  complianceSettingsSchema,
  legalHoldBodySchema,
  updateComplianceSettingsBodySchema,
} from "@/lib/compliance/retention/retention-schemas";
import {
  createScheduleBodySchema,
  scheduleListSchema,
  scheduleRecordSchema,
  scheduleResponseSchema,
  updateScheduleBodySchema,
  type ScheduleResponse,
} from "@/lib/compliance/schedules/schedule-schemas";
import { apiKeyOrSession, type OpenApiBuilder } from "@/lib/openapi/create-openapi-builder";
import { completedReportExample } from "@/lib/openapi/report-examples";

const base = "/api/engine/compliance";

const scheduleExample: ScheduleResponse = {
  id: "cmsched00000000monthly1",
  orgId: "cmorg000000000000acme01",
  type: "soc2",
  cadence: "monthly",
  agentIds: [],
  status: "active",
  firstPeriodStart: "2026-10-01",
  activeSince: "2026-10-14T08:00:00.000Z",
  createdAt: "2026-10-14T08:00:00.000Z",
  createdBy: { type: "user", id: "cmuser0000000000admin01", label: "admin@acme.test" },
  nextRunAt: "2027-01-01T00:00:00.000Z",
};

const scheduleIdParams = z.object({
  id: z.string().meta({ description: "The schedule's id", example: scheduleExample.id }),
});
const reportIdParams = z.object({
  id: z.string().meta({ description: "The report's id", example: completedReportExample.id }),
});

export function registerSchedulePaths({ registry, json, errors }: OpenApiBuilder): void {
  const readAuth = errors(
    ["unauthorized", "Sign in or send an API key as `Authorization: Bearer …`"],
    ["forbidden", "This needs the `reports:read` permission"],
  );
  const writeAuth = errors(
    ["unauthorized", "Sign in or send an API key as `Authorization: Bearer …`"],
    ["forbidden", "This needs the `reports:write` permission"],
  );
  const scheduleNotFound = errors(["not_found", "Schedule not found"]);

  registry.registerPath({
    method: "get",
    path: `${base}/schedules`,
    operationId: "listSchedules",
    summary: "List report schedules",
    tags: ["Schedules"],
    security: apiKeyOrSession,
    responses: {
      200: {
        description: "The org's schedules, newest first",
        content: json("GET /schedules 200", scheduleListSchema, { schedules: [scheduleExample] }),
      },
      ...readAuth,
    },
  });

  registry.registerPath({
    method: "post",
    path: `${base}/schedules`,
    operationId: "createSchedule",
    summary: "Create a report schedule",
    description:
      "After each period closes (UTC; weekly periods are ISO weeks from Monday), the report of exactly that period is queued once, by whichever server process ticks first. Periods missed while no server ran are caught up, the latest 12 per schedule. The first period is the one holding the moment of creation.",
    tags: ["Schedules"],
    security: apiKeyOrSession,
    request: {
      body: {
        required: true,
        content: json("POST /schedules body", createScheduleBodySchema, { type: "soc2", cadence: "monthly" }),
      },
    },
    responses: {
      201: {
        description: "Created",
        headers: { Location: { description: "The schedule's URL", schema: { type: "string" } } },
        content: json("POST /schedules 201", scheduleResponseSchema, scheduleExample),
      },
      ...errors(["validation_failed", "The request is invalid"]),
      ...writeAuth,
    },
  });

  registry.registerPath({
    method: "get",
    path: `${base}/schedules/{id}`,
    operationId: "getSchedule",
    summary: "Get a report schedule",
    tags: ["Schedules"],
    security: apiKeyOrSession,
    request: { params: scheduleIdParams },
    responses: {
      200: {
        description: "The schedule",
        content: json("GET /schedules/{id} 200", scheduleResponseSchema, scheduleExample),
      },
      ...readAuth,
      ...scheduleNotFound,
    },
  });

  registry.registerPath({
    method: "patch",
    path: `${base}/schedules/{id}`,
    operationId: "updateSchedule",
    summary: "Pause, resume or re-scope a schedule",
    description:
      "`status` pauses or resumes it; `agentIds` changes the agents of future runs. Periods that close while it is paused are not caught up on resume: they stay gaps in its record.",
    tags: ["Schedules"],
    security: apiKeyOrSession,
    request: {
      params: scheduleIdParams,
      body: {
        required: true,
        content: json("PATCH /schedules/{id} body", updateScheduleBodySchema, { status: "paused" }),
      },
    },
    responses: {
      200: {
        description: "The schedule as changed",
        content: json("PATCH /schedules/{id} 200", scheduleResponseSchema, {
          ...scheduleExample,
          status: "paused",
          nextRunAt: null,
        }),
      },
      ...errors(["validation_failed", "The request is invalid"]),
      ...writeAuth,
      ...scheduleNotFound,
    },
  });

  registry.registerPath({
    method: "delete",
    path: `${base}/schedules/{id}`,
    operationId: "deleteSchedule",
    summary: "Delete a schedule",
    description: "The schedule and its record go; the reports it queued stay.",
    tags: ["Schedules"],
    security: apiKeyOrSession,
    request: { params: scheduleIdParams },
    responses: { 204: { description: "Deleted" }, ...writeAuth, ...scheduleNotFound },
  });

  registry.registerPath({
    method: "get",
    path: `${base}/schedules/{id}/record`,
    operationId: "getScheduleRecord",
    summary: "A schedule's continuous record",
    description:
      "Every period since the schedule began, oldest first, ending with the open one: which report covers it, or the gap (failed, deleted, missing).",
    tags: ["Schedules"],
    security: apiKeyOrSession,
    request: { params: scheduleIdParams },
    responses: {
      200: {
        description: "The record",
        content: json("GET /schedules/{id}/record 200", scheduleRecordSchema, {
          schedule: scheduleExample,
          periods: [
            {
              from: "2026-10-01",
              to: "2026-10-31",
              closesAt: "2026-11-01T00:00:00.000Z",
              state: "covered",
              report: { id: completedReportExample.id, status: "completed", title: completedReportExample.title },
            },
            {
              from: "2026-11-01",
              to: "2026-11-30",
              closesAt: "2026-12-01T00:00:00.000Z",
              state: "deleted",
              report: null,
            },
            { from: "2026-12-01", to: "2026-12-31", closesAt: "2027-01-01T00:00:00.000Z", state: "open", report: null },
          ],
          gaps: 1,
        }),
      },
      ...readAuth,
      ...scheduleNotFound,
    },
  });

  registry.registerPath({
    method: "get",
    path: `${base}/settings`,
    operationId: "getComplianceSettings",
    summary: "Compliance settings",
    description: "The org's report retention in days (default 365).",
    tags: ["Retention"],
    security: apiKeyOrSession,
    responses: {
      200: {
        description: "The settings",
        content: json("GET /settings 200", complianceSettingsSchema, { reportRetentionDays: 365 }),
      },
      ...readAuth,
    },
  });

  registry.registerPath({
    method: "put",
    path: `${base}/settings`,
    operationId: "updateComplianceSettings",
    summary: "Change compliance settings",
    description:
      "Admins only (a session; API keys cannot change settings). A completed report expires its retention after completion; then the purge job deletes its files unless it is on legal hold, and keeps a tombstone (status `purged`).",
    tags: ["Retention"],
    security: apiKeyOrSession,
    request: {
      body: {
        required: true,
        content: json("PUT /settings body", updateComplianceSettingsBodySchema, { reportRetentionDays: 730 }),
      },
    },
    responses: {
      200: {
        description: "The settings as changed",
        content: json("PUT /settings 200", complianceSettingsSchema, { reportRetentionDays: 730 }),
      },
      ...errors(
        ["validation_failed", "The request is invalid"],
        ["unauthorized", "Sign in"],
        ["forbidden", "This needs the `org:admin` permission"],
      ),
    },
  });

  registry.registerPath({
    method: "put",
    path: `${base}/reports/{id}/legal-hold`,
    operationId: "setReportLegalHold",
    summary: "Put a report on legal hold, or release it",
    description: "A report on hold is never purged and cannot be deleted. Audited.",
    tags: ["Retention"],
    security: apiKeyOrSession,
    request: {
      params: reportIdParams,
      body: {
        required: true,
        content: json("PUT /reports/{id}/legal-hold body", legalHoldBodySchema, { legalHold: true }),
      },
    },
    responses: {
      200: {
        description: "The report",
        content: json("PUT /reports/{id}/legal-hold 200", reportResponseSchema, {
          ...completedReportExample,
          legalHold: true,
        }),
      },
      ...errors(["validation_failed", "The request is invalid"]),
      ...writeAuth,
      ...errors(["not_found", "Report not found"], ["conflict", "The report's files were already purged"]),
    },
  });
}
