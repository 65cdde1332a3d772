import { describe, expect, it } from "vitest";
import { detectPersonalData } from "@/lib/compliance/pii/detect-personal-data";
import { isLuhnValid } from "@/lib/compliance/pii/is-luhn-valid";
import { redactPersonalData } from "@/lib/compliance/pii/redact-personal-data";
import { summarizePersonalData } from "@/lib/compliance/pii/summarize-personal-data";

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomDigits(random: () => number, count: number): string {
  let digits = "";
  for (let i = 0; i < count; i++) digits += Math.floor(random() * 10).toString();
  return digits;
}

/** A Luhn-valid 16-digit Visa-like number. */
function randomCard(random: () => number): string {
  const body = `4${randomDigits(random, 14)}`;
  for (let check = 0; check < 10; check++) if (isLuhnValid(body + check)) return body + check;
  throw new Error("unreachable");
}

/** A valid German IBAN built from a random account number. */
function randomGermanIban(random: () => number): string {
  const bban = randomDigits(random, 18);
  // Check digits: 98 - (BBAN + "DE00" as digits) mod 97.
  const numeric = `${bban}131400`;
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return `DE${String(98 - remainder).padStart(2, "0")}${bban}`;
}

describe("detectPersonalData", () => {
  it("reports each span once, by its most specific category", () => {
    const text = [
      "Card 4242 4242 4242 4242", // also shaped like a long phone number
      "IBAN DE89 3704 0044 0532 0130 00", // its digits contain card-length runs
      "SSN 123-45-6789",
      "Mail jane.5551234567@example.com", // digits inside an address
      "Call +1 415 555 2671 from 198.51.100.7",
    ].join("\n");
    const found = detectPersonalData(text);
    expect(found.map((match) => [match.category, text.slice(match.start, match.end)])).toEqual([
      ["payment_card", "4242 4242 4242 4242"],
      ["iban", "DE89 3704 0044 0532 0130 00"],
      ["us_ssn", "123-45-6789"],
      ["email_address", "jane.5551234567@example.com"],
      ["phone", "+1 415 555 2671"],
      ["ip_address", "198.51.100.7"],
    ]);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });

  it("keeps an international phone number whose digits happen to pass Luhn a phone", () => {
    const text = "Mobile +49 151 60680760";
    expect(detectPersonalData(text).map((match) => [match.category, text.slice(match.start, match.end)])).toEqual([
      ["phone", "+49 151 60680760"],
    ]);
  });

  it("finds nothing in plain prose", () => {
    expect(detectPersonalData("Thanks for the update, see you at the quarterly review.")).toEqual([]);
  });

  it("never leaks a full card number, IBAN or SSN in a masked sample (500 random values each)", () => {
    const random = createRandom(20260101);
    for (let i = 0; i < 500; i++) {
      const card = randomCard(random);
      const iban = randomGermanIban(random);
      const ssn = `${100 + Math.floor(random() * 500)}-${10 + Math.floor(random() * 89)}-${1000 + Math.floor(random() * 8999)}`;
      const text = `Card ${card.replace(/(\d{4})(?=\d)/g, "$1 ")} iban ${iban} ssn ${ssn}.`;
      const found = detectPersonalData(text);
      expect(found.map((match) => match.category)).toEqual(["payment_card", "iban", "us_ssn"]);
      for (const match of found) {
        const maskedDigits = match.masked.replace(/\D/g, "");
        // At most the last four digits survive (plus nothing else).
        expect(maskedDigits.length).toBeLessThanOrEqual(4);
        expect(match.masked).not.toContain(card);
        expect(match.masked).not.toContain(iban.slice(4));
        expect(match.masked).not.toContain(ssn.replace(/-/g, ""));
      }
    }
  });
});

describe("redactPersonalData", () => {
  it("replaces every detected value with its mask and keeps the rest", () => {
    expect(redactPersonalData("Paid with 4111-1111-1111-1111 by j.doe@example.org on 2026-01-02")).toBe(
      "Paid with •••• •••• •••• 1111 by j•••@example.org on 2026-01-02",
    );
    expect(redactPersonalData("nothing here")).toBe("nothing here");
  });
});

describe("summarizePersonalData", () => {
  it("counts every match and keeps a few distinct masked samples per category", () => {
    const text = "a@x.com a@x.com b@y.com c@z.com d@w.com e@v.com f@u.com 4242424242424242";
    const summary = summarizePersonalData(detectPersonalData(text), 3);
    expect(summary.total).toBe(8);
    expect(summary.countByCategory).toEqual({ email_address: 7, payment_card: 1 });
    expect(summary.samplesByCategory.email_address).toEqual(["a•••@x.com", "b•••@y.com", "c•••@z.com"]);
    expect(summary.samplesByCategory.payment_card).toEqual(["•••• •••• •••• 4242"]);
  });
});
