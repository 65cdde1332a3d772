// Finds personal data in free text (email subjects and bodies). Pure and
// synchronous so it runs page by page inside report generation.
import { detectEmailAddresses } from "./detect-email-addresses";
import { detectIbans } from "./detect-ibans";
import { detectIpAddresses } from "./detect-ip-addresses";
import { detectPaymentCards } from "./detect-payment-cards";
import { detectPhoneNumbers } from "./detect-phone-numbers";
import { detectUsSsns } from "./detect-us-ssns";
import type { PersonalDataMatch } from "./personal-data-match";

// Most specific first: a span claimed by an earlier detector is not reported
// again by a later one (a card number is not also a phone number, the digits of
// an IBAN are not a card, the digits in an email address are not a phone).
type Detector = (text: string, isClaimed: (start: number, end: number) => boolean) => PersonalDataMatch[];
const detectorsBySpecificity: readonly Detector[] = [
  detectIbans,
  detectPaymentCards,
  detectUsSsns,
  detectEmailAddresses,
  detectIpAddresses,
  // Last, and told what is taken: its library call is the expensive one.
  detectPhoneNumbers,
];

/** Every personal-data match in `text`, non-overlapping, in text order. */
export function detectPersonalData(text: string): PersonalDataMatch[] {
  // Every category needs at least one digit or an `@`.
  if (!/[\d@]/.test(text)) return [];
  const accepted: PersonalDataMatch[] = [];
  const isClaimed = (start: number, end: number) => accepted.some((taken) => start < taken.end && taken.start < end);
  for (const detect of detectorsBySpecificity) {
    for (const match of detect(text, isClaimed)) {
      if (!isClaimed(match.start, match.end)) accepted.push(match);
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}
