import { groupMaskedDigits } from "./group-masked-digits";
import { ibanLengths, isValidIban } from "./is-valid-iban";
import type { PersonalDataMatch } from "./personal-data-match";

// Country code, check digits, then up to 30 letters/digits, optionally in
// space-separated groups. The candidate may run past the IBAN into a following
// upper-case word; it is cut at the country's length below.
const CANDIDATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}/g;

/** IBANs of a known country and length that pass mod-97, masked to country and last four. */
export function detectIbans(text: string): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  for (const found of text.matchAll(CANDIDATE)) {
    const length = ibanLengths[found[0].slice(0, 2)];
    if (length === undefined) continue;
    let compact = "";
    let consumed = 0;
    while (consumed < found[0].length && compact.length < length) {
      const char = found[0][consumed++];
      if (char !== " ") compact += char;
    }
    if (compact.length !== length || !isValidIban(compact)) continue;
    // The IBAN must end at a word boundary, not in the middle of a longer token.
    if (/[A-Za-z0-9]/.test(text[found.index + consumed] ?? "")) continue;
    matches.push({
      category: "iban",
      masked: groupMaskedDigits(compact, 4, compact.slice(0, 2)),
      start: found.index,
      end: found.index + consumed,
    });
  }
  return matches;
}
