import { findPhoneNumbersInText, type CountryCode } from "libphonenumber-js";
import { MASK, type PersonalDataMatch } from "./personal-data-match";

/** National numbers without a `+` are read as this country's (the platform's home market). */
const DEFAULT_COUNTRY: CountryCode = "US";

// libphonenumber's matcher is slow over a whole body even when it holds no
// number, and fast on a short string (docs/benchmarks.md, phone-number
// matcher). So it only sees digit runs that could be a number: an optional
// `+`, digits with the separators people type; then cheap shape checks drop
// most of those.
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

type FoundPhone = { startsAt: number; endsAt: number; masked: string };

// libphonenumber-js rebuilds its metadata regexes on every call, and the same
// numbers recur in real mail (signatures, threads),
// so results are memoised per candidate text. Bounded: cleared when full.
const cache = new Map<string, FoundPhone[]>();
const cacheLimit = 20_000;

function findInCandidate(candidate: string): FoundPhone[] {
  const cached = cache.get(candidate);
  if (cached) return cached;
  const found: FoundPhone[] = [];
  for (const match of findPhoneNumbersInText(candidate, { defaultCountry: DEFAULT_COUNTRY })) {
    if (!match.number.isValid()) continue;
    const national = match.number.nationalNumber;
    found.push({
      startsAt: match.startsAt,
      endsAt: match.endsAt,
      masked: `+${match.number.countryCallingCode} ${MASK.repeat(Math.max(national.length - 2, 1))}${national.slice(-2)}`,
    });
  }
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(candidate, found);
  return found;
}

/**
 * Phone numbers that libphonenumber-js finds and validates (international, or
 * US national), masked to the calling code and the last two digits.
 * `isClaimed` lets the caller skip spans another detector already reported
 * (card and IBAN digits), before the expensive library call.
 */
export function detectPhoneNumbers(
  text: string,
  isClaimed: (start: number, end: number) => boolean = () => false,
): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  for (const candidate of text.matchAll(CANDIDATE)) {
    const digitCount = candidate[0].replace(/\D/g, "").length;
    if (!isPlausiblePhone(candidate[0], digitCount)) continue;
    if (isClaimed(candidate.index, candidate.index + candidate[0].length)) continue;
    for (const found of findInCandidate(candidate[0])) {
      matches.push({
        category: "phone",
        masked: found.masked,
        start: candidate.index + found.startsAt,
        end: candidate.index + found.endsAt,
      });
    }
  }
  return matches;
}
