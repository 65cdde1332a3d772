import type { PersonalDataCategory, PersonalDataMatch } from "./personal-data-match";

export type PersonalDataSummary = {
  /** Every match, counted. */
  total: number;
  countByCategory: Partial<Record<PersonalDataCategory, number>>;
  /** Distinct masked values per category, at most `samplesPerCategory` each. */
  samplesByCategory: Partial<Record<PersonalDataCategory, string[]>>;
};

/** Per-text counts by category with a few distinct masked samples (never raw values). */
export function summarizePersonalData(
  matches: readonly PersonalDataMatch[],
  samplesPerCategory = 5,
): PersonalDataSummary {
  const countByCategory: Partial<Record<PersonalDataCategory, number>> = {};
  const samplesByCategory: Partial<Record<PersonalDataCategory, string[]>> = {};
  for (const match of matches) {
    countByCategory[match.category] = (countByCategory[match.category] ?? 0) + 1;
    const samples = (samplesByCategory[match.category] ??= []);
    if (samples.length < samplesPerCategory && !samples.includes(match.masked)) samples.push(match.masked);
  }
  return { total: matches.length, countByCategory, samplesByCategory };
}
