// Luhn-valid payment card numbers with real issuer prefixes, for demo emails.
import { computeLuhnCheckDigit } from "@/lib/demo/compute-luhn-check-digit";
import type { Random } from "@/lib/demo/create-random";

const issuers = [
  { prefixes: ["4"], length: 16 }, // Visa
  { prefixes: ["51", "52", "53", "54", "55", "2221", "2720"], length: 16 }, // Mastercard
  { prefixes: ["34", "37"], length: 15 }, // American Express
  { prefixes: ["6011", "65"], length: 16 }, // Discover
] as const;

/** Digits only, e.g. 4539578763621486. */
export function generateCardNumber(random: Random): string {
  const issuer = random.pick(issuers);
  let payload: string = random.pick(issuer.prefixes);
  while (payload.length < issuer.length - 1) payload += String(random.int(0, 9));
  return payload + String(computeLuhnCheckDigit(payload));
}
