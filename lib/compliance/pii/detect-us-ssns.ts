import { isValidUsSsn } from "./is-valid-us-ssn";
import { MASK, type PersonalDataMatch } from "./personal-data-match";

// AAA-GG-SSSS with dashes or spaces (the same separator twice). Bare nine-digit
// runs are not matched: too many of them are order or account numbers.
const CANDIDATE = /(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-])/g;

/** US Social Security numbers, masked to the last four digits (`•••-••-6789`). */
export function detectUsSsns(text: string): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  for (const found of text.matchAll(CANDIDATE)) {
    const [, area = "", , group = "", serial = ""] = found;
    if (!isValidUsSsn(area, group, serial)) continue;
    matches.push({
      category: "us_ssn",
      masked: `${MASK.repeat(3)}-${MASK.repeat(2)}-${serial}`,
      start: found.index,
      end: found.index + found[0].length,
    });
  }
  return matches;
}
