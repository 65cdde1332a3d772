// The shape every personal-data detector returns. Categories use the same
// names as DLP rule detectors (DlpRule.detector), so reports line up with DLP.

export const personalDataCategories = [
  "email_address",
  "phone",
  "payment_card",
  "iban",
  "us_ssn",
  "ip_address",
] as const;
export type PersonalDataCategory = (typeof personalDataCategories)[number];

export type PersonalDataMatch = {
  category: PersonalDataCategory;
  /** A display form that never contains the full value (e.g. `•••• •••• •••• 4242`). */
  masked: string;
  /** UTF-16 offsets into the scanned text, end exclusive. */
  start: number;
  end: number;
};

/** The mask character used everywhere, so tests can look for leaks uniformly. */
export const MASK = "•";
