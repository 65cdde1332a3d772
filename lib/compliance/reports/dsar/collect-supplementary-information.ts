// The Art. 15(1)(a)–(h) information, gathered from the processing activities
// and sharing records that apply while they stream into their tables, and
// the rights and complaint route from the privacy profile. Bounded by the
// register's distinct values, not by its rows.
import type { JsonValue, ReportRow } from "@/lib/compliance/reports/report-definition";

export type PrivacyProfileFacts = {
  controllerName: string;
  controllerContact: string;
  dpoContact: string | null;
  supervisoryAuthorityName: string;
  supervisoryAuthorityUrl: string | null;
} | null;

export const dataSubjectRights: readonly ReportRow[] = [
  { right: "access", article: "Art. 15", how: "This report; further copies on request." },
  { right: "rectification", article: "Art. 16", how: "Ask the controller to correct inaccurate personal data." },
  {
    right: "erasure",
    article: "Art. 17",
    how: "Ask the controller to erase personal data where the grounds of Art. 17 apply.",
  },
  {
    right: "restriction",
    article: "Art. 18",
    how: "Ask the controller to restrict processing while accuracy or lawfulness is contested.",
  },
  {
    right: "objection",
    article: "Art. 21",
    how: "Object to processing based on legitimate interests or public task, and to direct marketing at any time.",
  },
  { right: "complaint", article: "Art. 77", how: "Lodge a complaint with a supervisory authority (see complaint)." },
];

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

export function collectSupplementaryInformation() {
  const purposes = new Map<string, Set<string>>();
  const categories = new Set<string>();
  const recipients = new Set<string>();
  const retention: { activity: string; retention: string }[] = [];
  const sources = new Set<string>();
  const automated: { activity: string; logic: string }[] = [];
  let activitiesWithoutSource = 0;
  const transfers = new Set<string>();

  return {
    addActivity(activity: {
      name: string;
      purpose: string;
      legalBasis: string;
      dataCategories: unknown;
      recipients: unknown;
      retention: string;
      thirdCountryTransfers: unknown;
      dataSource: string | null;
      automatedDecisionMaking: boolean;
      automatedDecisionLogic: string | null;
    }) {
      const bases = purposes.get(activity.purpose) ?? new Set<string>();
      bases.add(activity.legalBasis);
      purposes.set(activity.purpose, bases);
      for (const category of strings(activity.dataCategories)) categories.add(category);
      for (const recipient of strings(activity.recipients)) recipients.add(recipient);
      retention.push({ activity: activity.name, retention: activity.retention });
      if (activity.dataSource) sources.add(activity.dataSource);
      else activitiesWithoutSource++;
      if (activity.automatedDecisionMaking) {
        automated.push({ activity: activity.name, logic: activity.automatedDecisionLogic ?? "" });
      }
      if (Array.isArray(activity.thirdCountryTransfers)) {
        for (const transfer of activity.thirdCountryTransfers) {
          if (transfer && typeof transfer === "object" && "country" in transfer) {
            const { country, safeguard } = transfer as { country?: unknown; safeguard?: unknown };
            transfers.add(`${String(country)}${safeguard ? ` (${String(safeguard)})` : ""}`);
          }
        }
      }
    },
    addSharing(record: { recipientName: string; recipientCountry: string | null; dataCategories: unknown }) {
      recipients.add(
        record.recipientCountry ? `${record.recipientName} (${record.recipientCountry})` : record.recipientName,
      );
      for (const category of strings(record.dataCategories)) categories.add(category);
    },
    summary(
      profile: PrivacyProfileFacts,
      emails: { fromSubject: number; fromOthers: number },
    ): Record<string, JsonValue> {
      const sorted = (values: Iterable<string>) => [...values].sort();
      return {
        controller: profile
          ? { name: profile.controllerName, contact: profile.controllerContact, dpoContact: profile.dpoContact }
          : null,
        purposes: [...purposes.entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([purpose, bases]) => ({ purpose, legalBases: sorted(bases) })),
        dataCategories: sorted(categories),
        recipients: sorted(recipients),
        thirdCountryTransfers: sorted(transfers),
        retention,
        rights: dataSubjectRights.map((row) => String(row.right)),
        complaint: profile
          ? {
              supervisoryAuthority: profile.supervisoryAuthorityName,
              url: profile.supervisoryAuthorityUrl,
              note: "You may lodge a complaint with this or any other supervisory authority (Art. 77).",
            }
          : {
              supervisoryAuthority: null,
              url: null,
              note: "No privacy profile is configured: the supervisory authority is not stated. You may lodge a complaint with the supervisory authority of your habitual residence, place of work or of the alleged infringement (Art. 77).",
            },
        source: {
          register: sorted(sources),
          activitiesWithoutSource,
          emails: `${emails.fromSubject} email(s) came from you; ${emails.fromOthers} came from or went to others and name you.`,
        },
        automatedDecisionMaking:
          automated.length > 0
            ? {
                exists: true,
                activities: automated,
                note: "Decisions made solely by automated means, including profiling (Art. 22), with the logic involved; you may ask for human intervention and contest the decision.",
              }
            : {
                exists: false,
                activities: [],
                note: "No decision based solely on automated processing, including profiling, is recorded for these processing activities.",
              },
      };
    },
  };
}
