// Example reports and request bodies for the OpenAPI document. The contract
// test parses each with the schema the handler uses, so they stay true.
import type { ReportPreview } from "@/lib/compliance/preview/report-preview";
import type { ReportType } from "@/lib/compliance/reports/registry";
import type { ReportResponse } from "@/lib/compliance/requests/to-report-response";

export const reportBodyExamples: Record<ReportType, unknown> = {
  soc2: { dateRange: { from: "2026-10-01", to: "2026-10-31" } },
  gdpr: { agentId: "cmagent0000support01" },
  audit: { dateRange: { from: "2026-10-01", to: "2026-10-31" }, agentIds: ["cmagent0000support01"] },
  dsar: { requestId: "cmdsr0000000000000req01" },
};

export const pendingReportExample: ReportResponse = {
  id: "cmreport00000000pending1",
  orgId: "cmorg000000000000acme01",
  type: "soc2",
  title: "SOC2 Summary · 2026-10-01 – 2026-10-31 · All agents",
  status: "pending",
  progress: 0,
  scope: { dateRange: { from: "2026-10-01", to: "2026-10-31" }, agentIds: [] },
  createdAt: "2026-11-30T09:15:00.000Z",
  createdBy: { type: "api_key", id: "cmkey00000000000000ci01", email: null, label: "CI exporter" },
  startedAt: null,
  completedAt: null,
  error: null,
  errorCode: null,
  artifacts: null,
  statement: null,
  legalHold: false,
  expiresAt: null,
  purgedAt: null,
};

export const completedReportExample: ReportResponse = {
  ...pendingReportExample,
  id: "cmreport0000000complete1",
  status: "completed",
  progress: 100,
  createdBy: { type: "user", id: "cmuser0000000000admin01", email: "admin@acme.test", label: "admin@acme.test" },
  startedAt: "2026-11-30T09:15:01.000Z",
  completedAt: "2026-11-30T09:15:09.000Z",
  artifacts: {
    json: { byteSize: 482113, sha256: "3f7a2c9e1b4d6f8a0c2e4b6d8f1a3c5e7b9d2f4a6c8e0b1d3f5a7c9e2b4d6f8a" },
    csv: { byteSize: 301877, sha256: "a1c3e5b7d9f2a4c6e8b0d1f3a5c7e9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3" },
  },
  statement: {
    kid: "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k",
    signedAt: "2026-11-30T09:15:09.000Z",
    sha256: "5d7f9b1c3e5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e",
  },
  expiresAt: "2027-11-30T09:15:09.000Z",
};

export const reportPreviewExample: ReportPreview = {
  document: {
    report: {
      type: "soc2",
      title: completedReportExample.title,
      organization: "Acme",
      scope: { dateRange: { from: "2026-10-01", to: "2026-10-31" }, agentIds: [] },
      generatedAt: "2026-11-30T09:15:09.000Z",
    },
    manifest: [
      {
        source: "dlp_violations",
        filter: "orgId = cmorg000000000000acme01, detectedAt in [2026-10-01, 2026-10-31]",
        rowCount: 2,
        first: { at: "2026-10-03T14:02:11.000Z", id: "cmdlp000000000000viol01" },
        last: { at: "2026-10-17T08:40:52.000Z", id: "cmdlp000000000000viol02" },
      },
    ],
    sections: {
      dlp: {
        title: "Data loss prevention",
        description: "Outbound messages the DLP rules flagged, and what was done.",
        criteria: ["CC6.7"],
        summary: { violations: 2, blocked: 1 },
        tables: {
          violations_by_severity: [
            { severity: "high", count: 1 },
            { severity: "medium", count: 1 },
          ],
          violations: [
            {
              occurred_at: "2026-10-03T14:02:11.000Z",
              id: "cmdlp000000000000viol01",
              rule_name: "Card numbers",
              severity: "high",
              action_taken: "blocked",
              agent_name: "Support bot",
            },
          ],
        },
      },
    },
  },
  rowCounts: { dlp: { violations_by_severity: 2, violations: 2 } },
  dailyCounts: { dlp: { violations: { "2026-10-03": 1, "2026-10-17": 1 } } },
  rowsPerTable: 100,
};
