import type { PersonalDataCategory } from "@/lib/compliance/pii/personal-data-match";
import { personalDataCategories } from "@/lib/compliance/pii/personal-data-match";
import type { PersonalDataSummary } from "@/lib/compliance/pii/summarize-personal-data";
import type { ReportRow } from "@/lib/compliance/reports/report-definition";

const samplesPerCategory = 10;

type CategoryTally = { emails: number; occurrences: number; samples: string[] };
type DomainTally = { emails: number; addresses: Set<string>; categories: Set<PersonalDataCategory> };

/**
 * Running totals of what PII detection found while the emails stream past.
 * Detection happens in JS, so these counts cannot come from the database;
 * memory is bounded by the categories (6) and the external domains, not by
 * the number of emails.
 */
export function createPersonalDataTally(orgDomains: ReadonlySet<string>) {
  const byCategory = new Map<PersonalDataCategory, CategoryTally>();
  const byDomain = new Map<string, DomainTally>();
  let scanned = 0;
  let withPersonalData = 0;
  let detections = 0;

  return {
    add(
      email: { direction: string; toAddresses: readonly string[]; ccAddresses: readonly string[] },
      found: PersonalDataSummary,
    ) {
      scanned++;
      if (found.total === 0) return;
      withPersonalData++;
      detections += found.total;
      const categories = Object.keys(found.countByCategory) as PersonalDataCategory[];
      for (const category of categories) {
        const tally = byCategory.get(category) ?? { emails: 0, occurrences: 0, samples: [] };
        tally.emails++;
        tally.occurrences += found.countByCategory[category] ?? 0;
        for (const sample of found.samplesByCategory[category] ?? []) {
          if (tally.samples.length < samplesPerCategory && !tally.samples.includes(sample)) tally.samples.push(sample);
        }
        byCategory.set(category, tally);
      }
      // Disclosure is what the agent sends: inbound mail's other recipients were chosen by its sender.
      if (email.direction !== "outbound") return;
      const domainsInEmail = new Set<string>();
      for (const address of [...email.toAddresses, ...email.ccAddresses]) {
        const domain = address.split("@")[1]?.trim().toLowerCase();
        if (!domain || orgDomains.has(domain)) continue;
        const tally = byDomain.get(domain) ?? { emails: 0, addresses: new Set(), categories: new Set() };
        tally.addresses.add(address.trim().toLowerCase());
        for (const category of categories) tally.categories.add(category);
        if (!domainsInEmail.has(domain)) tally.emails++;
        domainsInEmail.add(domain);
        byDomain.set(domain, tally);
      }
    },
    summary() {
      return {
        emailsScanned: scanned,
        emailsWithPersonalData: withPersonalData,
        detections,
        externalDomains: byDomain.size,
      };
    },
    categoryRows(): ReportRow[] {
      return personalDataCategories.map((category) => {
        const tally = byCategory.get(category);
        return {
          category,
          email_count: tally?.emails ?? 0,
          occurrence_count: tally?.occurrences ?? 0,
          samples: tally?.samples ?? [],
        };
      });
    },
    domainRows(): ReportRow[] {
      return [...byDomain.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([domain, tally]) => ({
          recipient_domain: domain,
          email_count: tally.emails,
          recipient_count: tally.addresses.size,
          categories: personalDataCategories.filter((category) => tally.categories.has(category)),
        }));
    },
  };
}

export type PersonalDataTally = ReturnType<typeof createPersonalDataTally>;
