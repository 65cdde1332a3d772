// Viewer charts from a report document: breakdowns from the engine's aggregate
// tables, daily activity over the whole period, and no chart without its data.
import { describe, expect, it } from "vitest";
import { categoryCaption, dailyCaption, loginsCaption } from "@/components/compliance/chart-captions";
import { deriveReportCharts, maxBars } from "@/components/compliance/derive-report-charts";
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
    expect(charts.dlpBySeverity?.items).toEqual([
      { name: "critical", value: 1 },
      { name: "low", value: 4 },
    ]);
    expect(charts.dlpByRule?.items).toEqual([
      { name: "r2", value: 3 },
      { name: "Cards", value: 2 },
    ]);
    // Everything is drawn: the captions give plain totals.
    expect(loginsCaption(charts.logins!)).toBe("14 successful and 3 failed sign-ins, by user (3 users).");
    expect(categoryCaption(charts.dlpByRule!, ["rules", "violations"])).toBe("5 violations. r2: 3; Cards: 2.");
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
    expect(deriveReportCharts(gdpr, {}).personalData?.items).toEqual([
      { name: "email address", value: 7 },
      { name: "payment card", value: 2 },
    ]);
  });

  it("captions a chart that draws only the largest part with that part and the whole", () => {
    // 20 users, each with one failure and user i with i successful sign-ins: the chart draws 15.
    const rows = Array.from({ length: 20 }, (_, index) => [
      { actor: `u${index}@acme.test`, action: "auth.login", outcome: "success", count: index + 1 },
      { actor: `u${index}@acme.test`, action: "auth.login_failed", outcome: "failure", count: 1 },
    ]).flat();
    const rules = Array.from({ length: 18 }, (_, index) => ({
      rule_id: `r${index}`,
      rule_name: `Rule ${index}`,
      count: 2,
    }));
    const document: ReportDocument = {
      ...soc2,
      sections: {
        user_access: section("User access", { sign_ins_by_user: rows }),
        dlp: section("DLP", { violations_by_rule: rules }),
      },
    };
    const charts = deriveReportCharts(document, {});
    expect(charts.logins?.rows).toHaveLength(maxBars);
    expect(charts.logins).toMatchObject({ userCount: 20, logins: 210, failures: 20 });
    // Users 6–20 drawn: 6 + … + 20 = 195 successful, 15 failed.
    expect(loginsCaption(charts.logins!)).toBe(
      "Top 15 of 20 users: 195 of 210 successful and 15 of 20 failed sign-ins; the table lists every user.",
    );
    expect(charts.dlpByRule).toMatchObject({ categoryCount: 18, total: 36 });
    expect(categoryCaption(charts.dlpByRule!, ["rules", "violations"])).toMatch(
      /^Top 15 of 18 rules: 30 of 36 violations\. /,
    );
  });

  it("captions daily activity with every population's records when some are not drawn", () => {
    const dailyCounts = Object.fromEntries(
      Array.from({ length: 10 }, (_, index) => [`s${index}`, { rows: { "2026-01-02": index + 1 } }]),
    );
    const daily = deriveReportCharts(soc2, dailyCounts).daily!;
    expect(daily.series).toHaveLength(8);
    expect(daily).toMatchObject({ seriesCount: 10, total: 55 });
    expect(dailyCaption(daily)).toBe("The 8 largest of 10 populations: 52 of 55 records over 4 UTC days.");
  });
});
