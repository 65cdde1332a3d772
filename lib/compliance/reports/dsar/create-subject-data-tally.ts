// Running totals while the subject's emails stream past: the subject's own
// personal data by category, what was redacted as third parties' data by
// kind, and where the emails came from. Bounded by the categories, not the emails.
import {
  personalDataCategories,
  type PersonalDataCategory,
  type PersonalDataMatch,
} from "@/lib/compliance/pii/personal-data-match";
import type { ReportRow } from "@/lib/compliance/reports/report-definition";

const samplesPerCategory = 10;

export function createSubjectDataTally() {
  const found = new Map<PersonalDataCategory, { emails: number; occurrences: number; samples: string[] }>();
  const redacted = new Map<PersonalDataCategory, { emails: number; occurrences: number }>();
  const unredacted = new Map<PersonalDataCategory, number>();
  let headerAddressesRedacted = 0;
  let emails = 0;
  let fromSubject = 0;
  const agents = new Set<string>();

  return {
    add(email: {
      agentId: string;
      isFromSubject: boolean;
      subjectMatches: readonly PersonalDataMatch[];
      redacted: Partial<Record<PersonalDataCategory, number>>;
      unredacted: readonly PersonalDataMatch[];
      headerAddressesRedacted: number;
    }) {
      emails++;
      agents.add(email.agentId);
      if (email.isFromSubject) fromSubject++;
      const seen = new Set<PersonalDataCategory>();
      for (const match of email.subjectMatches) {
        const tally = found.get(match.category) ?? { emails: 0, occurrences: 0, samples: [] };
        if (!seen.has(match.category)) tally.emails++;
        seen.add(match.category);
        tally.occurrences++;
        if (tally.samples.length < samplesPerCategory && !tally.samples.includes(match.masked)) {
          tally.samples.push(match.masked);
        }
        found.set(match.category, tally);
      }
      for (const [category, count] of Object.entries(email.redacted) as [PersonalDataCategory, number][]) {
        const tally = redacted.get(category) ?? { emails: 0, occurrences: 0 };
        tally.emails++;
        tally.occurrences += count;
        redacted.set(category, tally);
      }
      for (const match of email.unredacted) unredacted.set(match.category, (unredacted.get(match.category) ?? 0) + 1);
      headerAddressesRedacted += email.headerAddressesRedacted;
    },
    /** Kinds of third-party data masked (header addresses count as email_address). */
    redactedKinds(): PersonalDataCategory[] {
      return personalDataCategories.filter(
        (category) => redacted.has(category) || (category === "email_address" && headerAddressesRedacted > 0),
      );
    },
    summary() {
      return {
        emails,
        emailsFromSubject: fromSubject,
        emailsAboutSubjectFromOthers: emails - fromSubject,
        agents: agents.size,
        headerAddressesRedacted,
        unredactedThirdPartyValues: [...unredacted.values()].reduce((sum, count) => sum + count, 0),
      };
    },
    foundRows(): ReportRow[] {
      return personalDataCategories.map((category) => {
        const tally = found.get(category);
        return {
          category,
          email_count: tally?.emails ?? 0,
          occurrence_count: tally?.occurrences ?? 0,
          samples: tally?.samples ?? [],
        };
      });
    },
    redactedRows(): ReportRow[] {
      return personalDataCategories.map((category) => ({
        category,
        email_count: redacted.get(category)?.emails ?? 0,
        occurrence_count:
          (redacted.get(category)?.occurrences ?? 0) + (category === "email_address" ? headerAddressesRedacted : 0),
        left_unredacted: unredacted.get(category) ?? 0,
      }));
    },
  };
}
