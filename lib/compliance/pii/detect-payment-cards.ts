import { groupMaskedDigits } from "./group-masked-digits";
import { isLuhnValid } from "./is-luhn-valid";
import type { PersonalDataMatch } from "./personal-data-match";

// 13–19 digits, optionally separated by single spaces or dashes, not glued to
// other word characters and not after `+` (an international phone number).
// Bounded repetition keeps backtracking linear.
const CANDIDATE = /(?<![\w+-])\d(?:[ -]?\d){12,18}(?!\w)/g;

/**
 * Payment card numbers: 13–19 digits passing Luhn, starting with a major
 * network's leading digit (2–6: Mastercard 2-series, Amex/Diners/JCB, Visa,
 * Mastercard/Maestro, Discover/UnionPay), so order numbers that happen to pass
 * Luhn (1 in 10) are less often mistaken for cards. Repeated single digits
 * (`0000 0000 …`) pass Luhn but are placeholders, not cards.
 */
export function detectPaymentCards(text: string): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  for (const found of text.matchAll(CANDIDATE)) {
    const digits = found[0].replace(/[ -]/g, "");
    if (digits.length < 13 || digits.length > 19) continue;
    if (!/^[2-6]/.test(digits) || /^(\d)\1+$/.test(digits)) continue;
    if (!isLuhnValid(digits)) continue;
    matches.push({
      category: "payment_card",
      masked: groupMaskedDigits(digits, 4),
      start: found.index,
      end: found.index + found[0].length,
    });
  }
  return matches;
}
