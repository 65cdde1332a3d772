import { describe, expect, it } from "vitest";
import { detectEmailAddresses } from "@/lib/compliance/pii/detect-email-addresses";
import { detectIbans } from "@/lib/compliance/pii/detect-ibans";
import { detectIpAddresses } from "@/lib/compliance/pii/detect-ip-addresses";
import { detectPaymentCards } from "@/lib/compliance/pii/detect-payment-cards";
import { detectPhoneNumbers } from "@/lib/compliance/pii/detect-phone-numbers";
import { detectUsSsns } from "@/lib/compliance/pii/detect-us-ssns";
import { isLuhnValid } from "@/lib/compliance/pii/is-luhn-valid";
import { isValidIban } from "@/lib/compliance/pii/is-valid-iban";
import { isValidUsSsn } from "@/lib/compliance/pii/is-valid-us-ssn";
import type { PersonalDataMatch } from "@/lib/compliance/pii/personal-data-match";

/** The matched substrings, so a test reads like the text it scans. */
function spans(text: string, matches: PersonalDataMatch[]): string[] {
  return matches.map((match) => text.slice(match.start, match.end));
}

describe("isLuhnValid", () => {
  it("accepts known test card numbers and rejects a changed digit", () => {
    expect(isLuhnValid("4242424242424242")).toBe(true);
    expect(isLuhnValid("378282246310005")).toBe(true);
    expect(isLuhnValid("4242424242424241")).toBe(false);
    expect(isLuhnValid("42424242x4242424")).toBe(false);
  });
});

describe("detectPaymentCards", () => {
  it("finds Luhn-valid numbers written compact, with spaces or with dashes", () => {
    const text = "Visa 4242 4242 4242 4242, MC 5555-5555-5555-4444, Amex 378282246310005 and Diners 3056 9309 0259 04.";
    const found = detectPaymentCards(text);
    expect(spans(text, found)).toEqual([
      "4242 4242 4242 4242",
      "5555-5555-5555-4444",
      "378282246310005",
      "3056 9309 0259 04",
    ]);
    expect(found.map((match) => match.masked)).toEqual([
      "•••• •••• •••• 4242",
      "•••• •••• •••• 4444",
      "••• •••• •••• 0005",
      "•• •••• •••• 5904",
    ]);
  });

  it("rejects numbers failing Luhn, placeholders, wrong lengths and non-card prefixes", () => {
    const text = [
      "4242 4242 4242 4241", // Luhn fails
      "0000 0000 0000 0000", // Luhn-valid placeholder
      "4242 4242 424", // 11 digits
      "4242424242424242424242", // 22 digits
      "1234 5678 9012 3452", // Luhn-valid, but no card network starts with 1 here
      "order#42424242424242420", // glued to a word
    ].join("\n");
    expect(detectPaymentCards(text)).toEqual([]);
  });

  it("reports offsets that cut exactly the number", () => {
    const text = "card:4111111111111111.";
    const [match] = detectPaymentCards(text);
    expect(match).toMatchObject({ category: "payment_card", start: 5, end: 21 });
  });
});

describe("isValidIban / detectIbans", () => {
  it("checks country length and mod-97", () => {
    expect(isValidIban("DE89370400440532013000")).toBe(true);
    expect(isValidIban("GB82WEST12345698765432")).toBe(true);
    expect(isValidIban("DE89370400440532013001")).toBe(false); // mod-97 fails
    expect(isValidIban("DE8937040044053201300")).toBe(false); // one short for DE
    expect(isValidIban("ZZ89370400440532013000")).toBe(false); // no such country
  });

  it("finds grouped and compact IBANs, and stops at the country's length", () => {
    const text =
      "Pay DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX or GB82WEST12345698765432. Also FR14 2004 1010 0505 0001 3M02 606";
    const found = detectIbans(text);
    expect(spans(text, found)).toEqual([
      "DE89 3704 0044 0532 0130 00",
      "GB82WEST12345698765432",
      "FR14 2004 1010 0505 0001 3M02 606",
    ]);
    expect(found[0]!.masked).toBe("DE •••• •••• •••• •••• 3000");
  });

  it("rejects an IBAN with a wrong check digit", () => {
    expect(detectIbans("IBAN DE88 3704 0044 0532 0130 00")).toEqual([]);
  });
});

describe("isValidUsSsn / detectUsSsns", () => {
  it("applies the SSA area, group and serial rules", () => {
    expect(isValidUsSsn("123", "45", "6789")).toBe(true);
    expect(isValidUsSsn("000", "45", "6789")).toBe(false);
    expect(isValidUsSsn("666", "45", "6789")).toBe(false);
    expect(isValidUsSsn("900", "45", "6789")).toBe(false);
    expect(isValidUsSsn("123", "00", "6789")).toBe(false);
    expect(isValidUsSsn("123", "45", "0000")).toBe(false);
    expect(isValidUsSsn("078", "05", "1120")).toBe(false);
  });

  it("finds dashed and spaced SSNs, masked to the last four digits", () => {
    const text = "SSN 123-45-6789; spouse 234 56 7890; bad 000-12-3456, 123-45 6789, 1234-56-7890";
    const found = detectUsSsns(text);
    expect(spans(text, found)).toEqual(["123-45-6789", "234 56 7890"]);
    expect(found.map((match) => match.masked)).toEqual(["•••-••-6789", "•••-••-7890"]);
  });
});

describe("detectEmailAddresses", () => {
  it("finds addresses and keeps only the first letter and the domain", () => {
    const text = "Write to jane.doe+billing@Example.COM or (bob@mail.example.co.uk).";
    const found = detectEmailAddresses(text);
    expect(spans(text, found)).toEqual(["jane.doe+billing@Example.COM", "bob@mail.example.co.uk"]);
    expect(found.map((match) => match.masked)).toEqual(["j•••@example.com", "b•••@mail.example.co.uk"]);
  });

  it("ignores things that only look like addresses", () => {
    expect(detectEmailAddresses("@handle, user@localhost, a@b, me@@x.com")).toEqual([]);
  });
});

describe("detectPhoneNumbers", () => {
  it("finds international and US national numbers validated by libphonenumber-js", () => {
    const text = "Call (415) 555-2671 or +44 20 7946 0958, fax +49 30 901820.";
    const found = detectPhoneNumbers(text);
    expect(spans(text, found)).toEqual(["(415) 555-2671", "+44 20 7946 0958", "+49 30 901820"]);
    expect(found[0]!.masked).toBe("+1 ••••••••71");
    expect(found[1]!.masked).toBe("+44 ••••••••58");
  });

  it("does not report invalid numbers, dates or short codes", () => {
    expect(detectPhoneNumbers("Invoice 2026-01-14, ref 1234567, code 000-000-0000, (123) 456-7890")).toEqual([]);
  });
});

describe("detectIpAddresses", () => {
  it("finds IPv4 and IPv6 addresses and masks the host part", () => {
    const text = "from 203.0.113.42, via 2001:db8:85a3::8a2e:370:7334 and ::ffff:192.0.2.1.";
    const found = detectIpAddresses(text);
    expect(spans(text, found).sort()).toEqual(
      ["2001:db8:85a3::8a2e:370:7334", "203.0.113.42", "::ffff:192.0.2.1"].sort(),
    );
    expect(found.find((match) => text.slice(match.start, match.end) === "203.0.113.42")?.masked).toBe("203.0.•••.•••");
    expect(found.find((match) => text.slice(match.start, match.end).startsWith("2001"))?.masked).toBe("2001:db8:••••");
  });

  it("ignores versions, out-of-range octets, times and C++ scopes", () => {
    expect(detectIpAddresses("v1.2.3.4, 256.1.1.1, 1.2.3.4.5, at 10:30:00, std::vector, a :: b")).toEqual([]);
  });
});
