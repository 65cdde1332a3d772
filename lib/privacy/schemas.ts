// Input and output of the privacy-profile and data-subject-request endpoints.
import { z } from "zod";
import { maxExtensionMonths } from "./compute-due-date";

const requiredText = (field: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a string`) })
    .trim()
    .min(1, `${field} is required`)
    .max(max, `${field} is at most ${max} characters`);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));

const httpUrl = z
  .url({ protocol: /^https?$/, message: "Give an http(s) URL" })
  .max(500)
  .nullish()
  .or(z.literal("").transform(() => null))
  .transform((value) => value ?? null);

export const privacyProfileBodySchema = z.strictObject({
  controllerName: requiredText("controllerName", 200),
  controllerContact: requiredText("controllerContact", 500),
  dpoContact: optionalText(500),
  supervisoryAuthorityName: requiredText("supervisoryAuthorityName", 200),
  supervisoryAuthorityUrl: httpUrl,
});
export type PrivacyProfileBody = z.output<typeof privacyProfileBodySchema>;

export const privacyProfileResponseSchema = z
  .object({
    controllerName: z.string(),
    controllerContact: z.string(),
    dpoContact: z.string().nullable(),
    supervisoryAuthorityName: z.string(),
    supervisoryAuthorityUrl: z.string().nullable(),
    updatedAt: z.iso.datetime().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({
    id: "PrivacyProfile",
    description: "The controller's privacy contacts; every field empty (null updatedAt) until an admin saves it.",
  });
export type PrivacyProfileResponse = z.output<typeof privacyProfileResponseSchema>;

const subjectEmail = z
  .email({ message: "subjectEmail must be an email address" })
  .max(320)
  .transform((value) => value.trim().toLowerCase());

const identifier = z
  .string()
  .trim()
  .min(3, "An identifier has at least 3 characters")
  .max(320)
  .transform((value) => value.toLowerCase());

const isoDay = z.iso.date({ message: "Give the date as YYYY-MM-DD" });

export const createDataSubjectRequestBodySchema = z.strictObject({
  subjectEmail: subjectEmail.meta({ description: "The data subject's email address" }),
  subjectIdentifiers: z
    .array(identifier)
    .max(20, "At most 20 further identifiers")
    .default([])
    .transform((values) => [...new Set(values)])
    .meta({ description: "Further identifiers of the subject: other addresses, phone numbers" }),
  receivedOn: isoDay.meta({ description: "The day (UTC) the request was received; the one-month clock starts here" }),
  verificationMethod: requiredText("verificationMethod", 500),
  verifiedBy: requiredText("verifiedBy", 200),
  notes: z.string().max(5000).default(""),
});
export type CreateDataSubjectRequestBody = z.output<typeof createDataSubjectRequestBodySchema>;

export const updateDataSubjectRequestBodySchema = z
  .strictObject({
    status: z
      .enum(["fulfilled", "refused"], { message: "status must be fulfilled or refused" })
      .optional()
      .meta({ description: "Close the request; `refused` needs `refusalReason`" }),
    refusalReason: optionalText(2000),
    extension: z
      .strictObject({
        months: z
          .number({ message: "extension.months must be a number" })
          .int()
          .min(1, "extension.months is 1 or 2")
          .max(maxExtensionMonths, `extension.months is at most ${maxExtensionMonths}`),
        reason: requiredText("extension.reason", 2000),
      })
      .optional()
      .meta({ description: "Further months in total (1 or 2) beyond the first month, with the reason (Art. 12(3))" }),
    notes: z.string().max(5000).optional(),
    redaction: z
      .strictObject({ enabled: z.boolean(), reason: optionalText(2000) })
      .optional()
      .meta({
        description:
          "Masking of third parties' personal data in the report (Art. 15(4)); turning it off needs a reason",
      }),
  })
  .superRefine((body, issue) => {
    if (body.status === "refused" && !body.refusalReason) {
      issue.addIssue({ code: "custom", path: ["refusalReason"], message: "A refusal needs refusalReason" });
    }
    if (body.redaction && !body.redaction.enabled && !body.redaction.reason) {
      issue.addIssue({ code: "custom", path: ["redaction", "reason"], message: "Say why redaction is turned off" });
    }
    if (
      body.status === undefined &&
      body.extension === undefined &&
      body.notes === undefined &&
      body.redaction === undefined
    ) {
      issue.addIssue({
        code: "custom",
        path: [],
        message: "Nothing to change: send status, extension, notes or redaction",
      });
    }
  });
export type UpdateDataSubjectRequestBody = z.output<typeof updateDataSubjectRequestBodySchema>;

export const dataSubjectRequestStatuses = ["open", "extended", "fulfilled", "refused"] as const;
export type DataSubjectRequestStatus = (typeof dataSubjectRequestStatuses)[number];

export const listDataSubjectRequestsQuerySchema = z.strictObject({
  status: z
    .string()
    .transform((value) => value.split(",").filter(Boolean))
    .pipe(z.array(z.enum(dataSubjectRequestStatuses, { message: "status: open, extended, fulfilled or refused" })))
    .optional(),
  dueWithinDays: z.coerce
    .number({ message: "dueWithinDays must be a number" })
    .int()
    .min(0)
    .max(366)
    .optional()
    .meta({ description: "Open or extended requests due today or within this many days (not overdue ones)" }),
  overdue: z
    .enum(["true", "false"], { message: "overdue is true or false" })
    .transform((value) => value === "true")
    .optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional(),
});
export type ListDataSubjectRequestsQuery = z.output<typeof listDataSubjectRequestsQuerySchema>;

export const dataSubjectRequestResponseSchema = z
  .object({
    id: z.string(),
    subject: z.object({ email: z.string(), identifiers: z.array(z.string()) }),
    receivedOn: z.iso.date(),
    verification: z.object({ method: z.string(), verifiedBy: z.string() }),
    originalDueOn: z.iso.date().meta({ description: "One month after receipt" }),
    dueOn: z.iso.date().meta({ description: "The day the answer is due, extensions included" }),
    extension: z.object({ months: z.number().int(), reason: z.string() }).nullable(),
    status: z.enum(dataSubjectRequestStatuses),
    refusalReason: z.string().nullable(),
    closedAt: z.iso.datetime().nullable(),
    deadline: z.object({
      state: z.enum(["overdue", "due_soon", "on_track", "closed"]),
      daysLeft: z.number().int().nullable().meta({ description: "Days until the due day (negative: overdue)" }),
    }),
    notes: z.string(),
    redaction: z.object({ enabled: z.boolean(), offReason: z.string().nullable() }),
    lastReportId: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "DataSubjectRequest", description: "A data-subject access request (GDPR Art. 15) and its deadline" });
export type DataSubjectRequestResponse = z.output<typeof dataSubjectRequestResponseSchema>;

export const dataSubjectRequestPageSchema = z
  .object({
    requests: z.array(dataSubjectRequestResponseSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "DataSubjectRequestPage" });
export type DataSubjectRequestPage = z.output<typeof dataSubjectRequestPageSchema>;
