// Request and response shapes of report retention and legal hold.
import { z } from "zod";

export const minReportRetentionDays = 30;
export const maxReportRetentionDays = 3650;

export const complianceSettingsSchema = z
  .object({
    reportRetentionDays: z
      .number({ message: "reportRetentionDays must be a whole number of days" })
      .int("reportRetentionDays must be a whole number of days")
      .min(minReportRetentionDays, `reportRetentionDays must be at least ${minReportRetentionDays}`)
      .max(maxReportRetentionDays, `reportRetentionDays must be at most ${maxReportRetentionDays}`)
      .meta({
        description: `Days a completed report keeps its files (${minReportRetentionDays}–${maxReportRetentionDays}); then, unless on legal hold, they are purged and a tombstone stays`,
      }),
  })
  .meta({ id: "ComplianceSettings" });
export type ComplianceSettings = z.output<typeof complianceSettingsSchema>;

export const updateComplianceSettingsBodySchema = complianceSettingsSchema.strict();

export const legalHoldBodySchema = z.strictObject({
  legalHold: z.boolean({ message: "legalHold must be true or false" }),
});
export type LegalHoldBody = z.output<typeof legalHoldBodySchema>;
