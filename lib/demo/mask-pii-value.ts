// Masked forms of personal data for DLP excerpts: enough to recognise the
// item, never enough to reuse it (a card keeps only its last four digits).
import type { PiiKind } from "@/lib/demo/demo-catalog";

/** Keeps `keepEnd` trailing digits (and any leading "+country"), starring the other digits. */
function starDigits(value: string, keepEnd: number, keepStart = 0): string {
  const digitCount = value.replace(/\D/g, "").length;
  let seen = 0;
  return value.replace(/\d/g, (digit) => {
    seen++;
    return seen <= keepStart || seen > digitCount - keepEnd ? digit : "*";
  });
}

export function maskPiiValue(kind: PiiKind | "keyword", value: string): string {
  switch (kind) {
    case "payment_card":
      return `**** **** **** ${value.replace(/\D/g, "").slice(-4)}`;
    case "iban": {
      const compact = value.replace(/\s+/g, "");
      return `${compact.slice(0, 4)} **** **** ${compact.slice(-2)}`;
    }
    case "us_ssn":
      return `***-**-${value.slice(-4)}`;
    case "email_address": {
      const [local = "", domain = ""] = value.split("@");
      return `${local.slice(0, 1)}***@${domain}`;
    }
    case "phone": {
      const countryDigits = value.match(/^\+(\d{1,3})/)?.[1]?.length ?? 0;
      return starDigits(value, 2, countryDigits);
    }
    case "ip_address":
      return value.replace(/\.\d+$/, ".***");
    case "keyword":
      return value;
  }
}
