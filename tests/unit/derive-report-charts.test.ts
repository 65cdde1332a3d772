// Viewer charts from a report document: breakdowns from the engine's aggregate
// tables, daily activity over the whole period, and no chart without its data.
import { describe, expect, it } from "vitest";
import { deriveReportCharts } from "@/components/compliance/derive-report-charts";
import type { ReportDocument } from "@/components/compliance/report-document";

const section = (title: string, tables: ReportDocument["sections"][string]["tables"]) => ({
  title,
  description: "",
  criteria: [],
  summary: {},
  tables,
});

const soc2: ReportDocument = {
  report: { type: "soc2", scope: { dateRange: { from: "2026-01-01", to: "2026-01-04" }, agentIds: [] } },
  manifest: [],
  sections: {
    user_access: section("User access", {
      sign_ins_by_user: [
        { actor: "a@acme.test", action: "auth.login", outcome: "success", count: 5 },
        { actor: "a@acme.test", action: "auth.login_failed", outcome: "failure", count: 2 },
        { actor: "b@acme.test", action: "auth.login", outcome: "success", count: 9 },
        { actor: null, actor_id: null, action: "auth.login_failed", outcome: "failure", count: 1 },
      ],
    }),
    dlp: section("DLP", {
      violations_by_severity: [
        { severity: "low", count: 4 },
        { severity: "critical", count: 1 },
        { severity: "high", count: 0 },
      ],
      violations_by_rule: [
        { rule_id: "r1", rule_name: "Cards", count: 2 },
        { rule_id: "r2", rule_name: null, count: 3 },
      ],
    }),
  },
};

describe("deriveReportCharts", () => {
  it("derives logins vs failures per user, DLP by severity (in severity order) and by rule", () => {
    const charts = deriveReportCharts(soc2, {});
    expect(charts.logins?.rows).toEqual([
      { label: "b@acme.test", logins: 9, failures: 0 },
      { label: "a@acme.test", logins: 5, failures: 2 },
      { label: "unknown account", logins: 0, failures: 1 },
    ]);
    expect(charts.dlpBySeverity).toEqual([
      { name: "critical", value: 1 },
      { name: "low", value: 4 },
    ]);
    expect(charts.dlpByRule).toEqual([
      { name: "r2", value: 3 },
      { name: "Cards", value: 2 },
    ]);
    expect(charts.personalData).toBeNull();
    expect(charts.daily).toBeNull();
  });

  it("fills every day of the period, one series per population", () => {
    const charts = deriveReportCharts(soc2, {
      user_access: { events: { "2026-01-02": 3 } },
      dlp: { violations: { "2026-01-02": 1, "2026-01-04": 2 } },
    });
    expect(charts.daily?.series).toEqual([
      { key: "series0", label: "User access" },
      { key: "series1", label: "DLP" },
    ]);
    expect(charts.daily?.rows).toEqual([
      { day: "2026-01-01", series0: 0, series1: 0 },
      { day: "2026-01-02", series0: 3, series1: 1 },
      { day: "2026-01-03", series0: 0, series1: 0 },
      { day: "2026-01-04", series0: 0, series1: 2 },
    ]);
  });

  it("charts personal data by category from a GDPR export, leaving categories never found out", () => {
    const gdpr: ReportDocument = {
      report: { type: "gdpr", scope: { agentIds: ["a1"] } },
      manifest: [],
      sections: {
        personal_data: section("Personal data", {
          by_category: [
            { category: "email_address", email_count: 3, occurrence_count: 7, samples: [] },
            { category: "iban", email_count: 0, occurrence_count: 0, samples: [] },
            { category: "payment_card", email_count: 1, occurrence_count: 2, samples: [] },
          ],
        }),
      },
    };
    expect(deriveReportCharts(gdpr, {}).personalData).toEqual([
      { name: "email address", value: 7 },
      { name: "payment card", value: 2 },
    ]);
  });
});
