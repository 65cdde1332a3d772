// The privacy routes in the OpenAPI document: the org's privacy profile and
// data-subject access requests with their deadlines and dsar reports.
import { z } from "zod";
import { reportResponseSchema } from "@/lib/compliance/requests/response-schemas";
import { apiKeyOrSession, type OpenApiBuilder } from "@/lib/openapi/create-openapi-builder";
import { pendingReportExample } from "@/lib/openapi/report-examples";
import {
  createDataSubjectRequestBodySchema,
  dataSubjectRequestPageSchema,
  dataSubjectRequestResponseSchema,
  listDataSubjectRequestsQuerySchema,
  privacyProfileBodySchema,
  privacyProfileResponseSchema,
  updateDataSubjectRequestBodySchema,
  type DataSubjectRequestResponse,
  type PrivacyProfileResponse,
} from "@/lib/privacy/schemas";

const base = "/api/engine/compliance";

const profileExample: PrivacyProfileResponse = {
  controllerName: "Acme Robotics GmbH",
  controllerContact: "privacy@acme.test, Hauptstraße 1, 10115 Berlin",
  dpoContact: "dpo@acme.test",
  supervisoryAuthorityName: "Berliner Beauftragte für Datenschutz und Informationsfreiheit",
  supervisoryAuthorityUrl: "https://www.datenschutz-berlin.de",
  updatedAt: "2026-11-30T10:00:00.000Z",
  updatedBy: "admin@acme.test",
};

const requestExample: DataSubjectRequestResponse = {
  id: "cmdsr0000000000000req01",
  subject: { email: "jane.doe@example.org", identifiers: ["jane@doe.example", "+44 20 7946 0958"] },
  receivedOn: "2026-11-20",
  verification: {
    method: "Replied from the address on file and confirmed the order number",
    verifiedBy: "admin@acme.test",
  },
  originalDueOn: "2026-12-20",
  dueOn: "2026-12-20",
  extension: null,
  status: "open",
  refusalReason: null,
  closedAt: null,
  deadline: { state: "on_track", daysLeft: 17 },
  notes: "",
  redaction: { enabled: true, offReason: null },
  lastReportId: null,
  createdBy: "admin@acme.test",
  createdAt: "2026-11-20T09:00:00.000Z",
  updatedAt: "2026-11-20T09:00:00.000Z",
};

export function registerPrivacyPaths({ registry, json, errors }: OpenApiBuilder): void {
  const readAuth = errors(
    ["unauthorized", "Sign in or send an API key as `Authorization: Bearer …`"],
    ["forbidden", "This needs the `reports:read` permission"],
  );
  const writeAuth = errors(
    ["unauthorized", "Sign in or send an API key as `Authorization: Bearer …`"],
    ["forbidden", "This needs the `reports:write` permission"],
  );
  const idParams = z.object({
    requestId: z.string().meta({ description: "The request's id", example: requestExample.id }),
  });

  registry.registerPath({
    method: "get",
    path: `${base}/privacy-profile`,
    operationId: "getPrivacyProfile",
    summary: "The privacy profile",
    description:
      "The controller, DPO contact and supervisory authority that data-subject access reports quote. Empty strings and a null `updatedAt` until an admin saves it.",
    tags: ["Data-subject requests"],
    security: apiKeyOrSession,
    responses: {
      200: {
        description: "The profile",
        content: json("GET /privacy-profile 200", privacyProfileResponseSchema, profileExample),
      },
      ...readAuth,
    },
  });
  registry.registerPath({
    method: "put",
    path: `${base}/privacy-profile`,
    operationId: "updatePrivacyProfile",
    summary: "Save the privacy profile",
    description: "Replaces the org's privacy profile (admins signed in; audited with the fields that changed).",
    tags: ["Data-subject requests"],
    security: [{ session: [] }],
    request: {
      body: {
        content: json("PUT /privacy-profile body", privacyProfileBodySchema, {
          controllerName: profileExample.controllerName,
          controllerContact: profileExample.controllerContact,
          dpoContact: profileExample.dpoContact,
          supervisoryAuthorityName: profileExample.supervisoryAuthorityName,
          supervisoryAuthorityUrl: profileExample.supervisoryAuthorityUrl,
        }),
      },
    },
    responses: {
      200: {
        description: "Saved",
        content: json("PUT /privacy-profile 200", privacyProfileResponseSchema, profileExample),
      },
      ...errors(["validation_failed", "The request is invalid"]),
      ...errors(
        ["unauthorized", "Sign in or send an API key as `Authorization: Bearer …`"],
        ["forbidden", "This needs the `org:admin` permission"],
      ),
    },
  });

  registry.registerPath({
    method: "get",
    path: `${base}/data-subject-requests`,
    operationId: "listDataSubjectRequests",
    summary: "List data-subject requests",
    description:
      "The org's data-subject access requests, soonest due first. `overdue=true` and `dueWithinDays=N` select open or extended requests past their due day, or due from today to N days on (both given: either); `status` takes a comma-separated list; `q` searches the subject's identifiers.",
    tags: ["Data-subject requests"],
    security: apiKeyOrSession,
    request: { query: listDataSubjectRequestsQuerySchema },
    responses: {
      200: {
        description: "One page of requests",
        content: json("GET /data-subject-requests 200", dataSubjectRequestPageSchema, {
          requests: [requestExample],
          nextCursor: null,
        }),
      },
      ...errors(["validation_failed", "The request is invalid"]),
      ...readAuth,
    },
  });
  registry.registerPath({
    method: "post",
    path: `${base}/data-subject-requests`,
    operationId: "createDataSubjectRequest",
    summary: "Record a data-subject request",
    description:
      "Records an access request (GDPR Art. 15). It is due one calendar month after `receivedOn` (Art. 12(3)), in UTC. Audited.",
    tags: ["Data-subject requests"],
    security: apiKeyOrSession,
    request: {
      body: {
        content: json("POST /data-subject-requests body", createDataSubjectRequestBodySchema, {
          subjectEmail: "jane.doe@example.org",
          subjectIdentifiers: ["jane@doe.example", "+44 20 7946 0958"],
          receivedOn: "2026-11-20",
          verificationMethod: "Replied from the address on file and confirmed the order number",
          verifiedBy: "admin@acme.test",
        }),
      },
    },
    responses: {
      201: {
        description: "Recorded",
        content: json("POST /data-subject-requests 201", dataSubjectRequestResponseSchema, requestExample),
      },
      ...errors(["validation_failed", "The request is invalid"]),
      ...writeAuth,
    },
  });
  registry.registerPath({
    method: "get",
    path: `${base}/data-subject-requests/{requestId}`,
    operationId: "getDataSubjectRequest",
    summary: "One data-subject request",
    tags: ["Data-subject requests"],
    security: apiKeyOrSession,
    request: { params: idParams },
    responses: {
      200: {
        description: "The request",
        content: json("GET /data-subject-requests/{id} 200", dataSubjectRequestResponseSchema, requestExample),
      },
      ...errors(["not_found", "Data-subject request not found"]),
      ...readAuth,
    },
  });
  registry.registerPath({
    method: "patch",
    path: `${base}/data-subject-requests/{requestId}`,
    operationId: "updateDataSubjectRequest",
    summary: "Fulfil, refuse, extend or annotate a request",
    description:
      "`status` closes the request (`refused` needs `refusalReason`); `extension` adds one or two further months with a reason, decided within the first month; `redaction` turns the masking of third parties' data in the report off (with a reason) or on. A closed request's status and deadline are final (409). Each change is audited.",
    tags: ["Data-subject requests"],
    security: apiKeyOrSession,
    request: {
      params: idParams,
      body: {
        content: json("PATCH /data-subject-requests/{id} body", updateDataSubjectRequestBodySchema, {
          extension: { months: 1, reason: "Several hundred emails across four agents to review" },
        }),
      },
    },
    responses: {
      200: {
        description: "The request after the change",
        content: json("PATCH /data-subject-requests/{id} 200", dataSubjectRequestResponseSchema, {
          ...requestExample,
          status: "extended",
          dueOn: "2027-01-20",
          extension: { months: 1, reason: "Several hundred emails across four agents to review" },
        }),
      },
      ...errors(["validation_failed", "The request is invalid"]),
      ...errors(["not_found", "Data-subject request not found"]),
      ...errors(["conflict", "This request is already fulfilled; its status and deadline are final"]),
      ...writeAuth,
    },
  });
  registry.registerPath({
    method: "post",
    path: `${base}/data-subject-requests/{requestId}/report`,
    operationId: "generateDataSubjectReport",
    summary: "Generate the request's dsar report",
    description:
      "Queues a `dsar` report for this request (like `POST /reports/dsar` with `requestId`) and records it as the request's latest report.",
    tags: ["Data-subject requests"],
    security: apiKeyOrSession,
    request: { params: idParams },
    responses: {
      202: {
        description: "Queued",
        content: json("POST /data-subject-requests/{id}/report 202", reportResponseSchema, {
          ...pendingReportExample,
          type: "dsar",
          title: "Data-Subject Access — request cmdsr0000000000000req01",
          scope: { agentIds: [] },
        }),
      },
      ...errors(["not_found", "Data-subject request not found"]),
      ...writeAuth,
    },
  });
}
