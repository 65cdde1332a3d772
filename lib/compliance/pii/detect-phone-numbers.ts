import { findPhoneNumbersInText, type CountryCode } from "libphonenumber-js";
import { MASK, type PersonalDataMatch } from "./personal-data-match";

/** National numbers without a `+` are read as this country's (the platform's home market). */
const DEFAULT_COUNTRY: CountryCode = "US";

// libphonenumber's matcher costs ~3 ms on a 1.5 KB body even when there is no
// number in it (~400 bodies/s), and ~20 µs on a short string. So it only sees
// digit runs that could be a number: an optional `+`, digits with the
// separators people type; then cheap shape checks drop most of those.
const CANDIDATE = /(?<![\w+])\+?\(?\d[\d().\- \t]{5,24}\d(?![\w])/g;
const DATE_LIKE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;

/** Could libphonenumber accept this candidate? Saves the expensive call on dates, amounts, ids. */
function isPlausiblePhone(candidate: string, digitCount: number): boolean {
  if (DATE_LIKE.test(candidate)) return false;
  // International form: E.164 allows up to 15 digits, the shortest valid ones have 8.
  if (candidate.startsWith("+")) return digitCount >= 8 && digitCount <= 15;
  // National form of the default country (US: 10 digits, optionally a leading 1),
  // or the US international prefix 011 followed by a number.
  const digits = candidate.replace(/\D/g, "");
  if (digits.startsWith("011")) return digitCount >= 11 && digitCount <= 18;
  return digitCount === 10 || (digitCount === 11 && digits.startsWith("1"));
}

/**
 * Phone numbers that libphonenumber-js finds and validates (international, or
 * US national), masked to the calling code and the last two digits.
 */
export function detectPhoneNumbers(text: string): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  for (const candidate of text.matchAll(CANDIDATE)) {
    const digitCount = candidate[0].replace(/\D/g, "").length;
    if (!isPlausiblePhone(candidate[0], digitCount)) continue;
    for (const found of findPhoneNumbersInText(candidate[0], { defaultCountry: DEFAULT_COUNTRY })) {
      if (!found.number.isValid()) continue;
      const national = found.number.nationalNumber;
      matches.push({
        category: "phone",
        masked: `+${found.number.countryCallingCode} ${MASK.repeat(Math.max(national.length - 2, 1))}${national.slice(-2)}`,
        start: candidate.index + found.startsAt,
        end: candidate.index + found.endsAt,
      });
    }
  }
  return matches;
}
