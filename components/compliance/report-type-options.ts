// The three report types as the Generate form and badges present them (seed page wording).
import type { ReportType } from "@/components/compliance/report-resource";

export type ReportTypeOption = { type: ReportType; label: string; badge: string; description: string };

export const reportTypeOptions: readonly ReportTypeOption[] = [
  {
    type: "soc2",
    label: "SOC2 Summary",
    badge: "SOC2",
    description:
      "Security controls for SOC2 auditors: access and authentication, agent boundaries, DLP, vault access, admin actions.",
  },
  {
    type: "gdpr",
    label: "GDPR Export",
    badge: "GDPR",
    description:
      "Everything one agent processed: its emails, personal data detected in them, processing activities, third-party sharing.",
  },
  {
    type: "audit",
    label: "Audit Summary",
    badge: "AUDIT",
    description:
      "Administrative actions over a period: users and permissions, agent configuration, secrets, DLP rules, system settings.",
  },
];

export function reportTypeOption(type: ReportType): ReportTypeOption {
  const option = reportTypeOptions.find((candidate) => candidate.type === type);
  if (!option) throw new Error(`Unknown report type ${type}`);
  return option;
}
