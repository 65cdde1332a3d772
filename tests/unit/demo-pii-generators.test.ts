import { parsePhoneNumberFromString } from "libphonenumber-js";
import { describe, expect, it } from "vitest";
import { computeIbanCheckDigits, isValidIbanChecksum } from "@/lib/demo/compute-iban-check-digits";
import { computeLuhnCheckDigit } from "@/lib/demo/compute-luhn-check-digit";
import { createRandom } from "@/lib/demo/create-random";
import { generateCardNumber } from "@/lib/demo/generate-card-number";
import { generateIban } from "@/lib/demo/generate-iban";
import { generateIpv4Address } from "@/lib/demo/generate-ipv4-address";
import { generatePhoneNumber } from "@/lib/demo/generate-phone-number";
import { generateUsSsn } from "@/lib/demo/generate-us-ssn";
import { maskPiiValue } from "@/lib/demo/mask-pii-value";

/** An independent Luhn check (sum of all digits, doubling every second from the right). */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** An independent mod-97 check with BigInt. */
function passesMod97(iban: string): boolean {
  const compact = iban.replace(/\s+/g, "");
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  const numeric = [...rearranged].map((ch) => (/[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch)).join("");
  return BigInt(numeric) % 97n === 1n;
}

const ibanLengths: Record<string, number> = { DE: 22, FR: 27, NL: 18, GB: 22, ES: 24, IT: 27, BE: 16, IE: 22 };

describe("Luhn", () => {
  it("computes the check digit of known card numbers", () => {
    expect(computeLuhnCheckDigit("453957876362148")).toBe(6); // 4539 5787 6362 1486
    expect(computeLuhnCheckDigit("7992739871")).toBe(3); // the textbook example
    expect(computeLuhnCheckDigit("37828224631000")).toBe(5); // Amex test card 378282246310005
  });

  it("generates card numbers that pass Luhn, with issuer prefixes and lengths", () => {
    const random = createRandom("cards");
    for (let i = 0; i < 2_000; i++) {
      const card = generateCardNumber(random);
      expect(card).toMatch(/^(4\d{15}|5[1-5]\d{14}|2(221|720)\d{12}|3[47]\d{13}|6(011|5)\d+)$/);
      expect([15, 16]).toContain(card.length);
      expect(passesLuhn(card)).toBe(true);
    }
  });

  it("is not fooled by a changed digit", () => {
    const card = generateCardNumber(createRandom("tamper"));
    const tampered = card.slice(0, 5) + String((Number(card[5]) + 1) % 10) + card.slice(6);
    expect(passesLuhn(tampered)).toBe(false);
  });
});

describe("IBAN", () => {
  it("computes the check digits of published examples", () => {
    expect(computeIbanCheckDigits("DE", "370400440532013000")).toBe("89");
    expect(computeIbanCheckDigits("GB", "WEST12345698765432")).toBe("82");
    expect(isValidIbanChecksum("DE89 3704 0044 0532 0130 00")).toBe(true);
    expect(isValidIbanChecksum("DE89 3704 0044 0532 0130 01")).toBe(false);
  });

  it("generates IBANs that pass mod-97 in their country's length, grouped by four", () => {
    const random = createRandom("ibans");
    const seen = new Set<string>();
    for (let i = 0; i < 1_000; i++) {
      const iban = generateIban(random);
      const compact = iban.replace(/ /g, "");
      const country = compact.slice(0, 2);
      seen.add(country);
      expect(compact).toHaveLength(ibanLengths[country]!);
      expect(iban).toMatch(/^([A-Z0-9]{4} )*[A-Z0-9]{1,4}$/);
      expect(passesMod97(iban)).toBe(true);
      expect(isValidIbanChecksum(iban)).toBe(true);
    }
    expect(seen.size).toBe(Object.keys(ibanLengths).length);
  });
});

describe("other personal data", () => {
  it("generates SSNs in issuable ranges", () => {
    const random = createRandom("ssn");
    for (let i = 0; i < 2_000; i++) {
      const ssn = generateUsSsn(random);
      expect(ssn).toMatch(/^\d{3}-\d{2}-\d{4}$/);
      const [area, group, serial] = ssn.split("-");
      expect(["000", "666"]).not.toContain(area);
      expect(Number(area)).toBeLessThan(900);
      expect(group).not.toBe("00");
      expect(serial).not.toBe("0000");
    }
  });

  it("generates phone numbers that libphonenumber-js accepts as valid international numbers", () => {
    const random = createRandom("phones");
    const countries = new Set<string>();
    for (let i = 0; i < 1_000; i++) {
      const text = generatePhoneNumber(random);
      expect(text.startsWith("+")).toBe(true);
      const parsed = parsePhoneNumberFromString(text);
      expect(parsed?.isValid(), text).toBe(true);
      countries.add(parsed?.country ?? "");
    }
    expect(countries.size).toBeGreaterThanOrEqual(6);
  });

  it("generates IPv4 addresses from the documentation ranges", () => {
    const random = createRandom("ip");
    for (let i = 0; i < 500; i++) {
      expect(generateIpv4Address(random)).toMatch(
        /^(192\.0\.2|198\.51\.100|203\.0\.113)\.([1-9]\d?|1\d\d|2[0-4]\d|25[0-4])$/,
      );
    }
  });
});

describe("maskPiiValue", () => {
  it("keeps only what identifies the item, never the whole value", () => {
    expect(maskPiiValue("payment_card", "4539 5787 6362 1486")).toBe("**** **** **** 1486");
    expect(maskPiiValue("iban", "DE89 3704 0044 0532 0130 00")).toBe("DE89 **** **** 00");
    expect(maskPiiValue("us_ssn", "123-45-6789")).toBe("***-**-6789");
    expect(maskPiiValue("email_address", "jane.doe@example.com")).toBe("j***@example.com");
    expect(maskPiiValue("phone", "+44 20 7946 0123")).toBe("+44 ** **** **23");
    expect(maskPiiValue("ip_address", "203.0.113.7")).toBe("203.0.113.***");
  });
});
