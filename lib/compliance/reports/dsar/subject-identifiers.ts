// Who the subject is, as text: their email address and further identifiers
// (addresses, phone numbers), and whether a value found in an email is one of them.
import type { PersonalDataMatch } from "@/lib/compliance/pii/personal-data-match";

export type SubjectIdentifiers = {
  /** Lower case, the email address first. */
  all: readonly string[];
  /** Whether `value` (found in an email as `category`) is one of the subject's identifiers. */
  isSubject(category: PersonalDataMatch["category"] | "address", value: string): boolean;
};

// "(0)" is the trunk prefix written inside an international number: +44 (0)20 … is +44 20 ….
const digitsOf = (value: string) => value.replace(/\(0\)/g, "").replace(/\D/g, "");
/** Enough digits that a match is a number, not a coincidence of a few digits. */
const minPhoneDigits = 7;

export function createSubjectIdentifiers(email: string, others: readonly string[]): SubjectIdentifiers {
  const all = [...new Set([email, ...others].map((value) => value.trim().toLowerCase()).filter(Boolean))];
  const compact = new Set(all.map((value) => value.replace(/\s+/g, "")));
  const phoneDigits = all.map(digitsOf).filter((digits) => digits.length >= minPhoneDigits);
  return {
    all,
    isSubject(category, value) {
      const normalized = value.trim().toLowerCase();
      if (compact.has(normalized.replace(/\s+/g, ""))) return true;
      if (category !== "phone") return false;
      // +44 20 7946 0958 and 020 7946 0958 are one number: compare the national part.
      const digits = digitsOf(normalized).replace(/^0+/, "");
      if (digits.length < minPhoneDigits) return false;
      return phoneDigits.some((known) => {
        const trimmed = known.replace(/^0+/, "");
        return trimmed.endsWith(digits) || digits.endsWith(trimmed);
      });
    },
  };
}
