// IBANs with valid mod-97 check digits in the national lengths of a few
// European countries, for demo emails.
import { computeIbanCheckDigits } from "@/lib/demo/compute-iban-check-digits";
import type { Random } from "@/lib/demo/create-random";

// BBAN layout per country: "9" a digit, "A" an upper-case letter.
const layouts = {
  DE: "999999999999999999",
  FR: "99999999999999999999999",
  NL: "AAAA9999999999",
  GB: "AAAA99999999999999",
  ES: "99999999999999999999",
  IT: "A9999999999999999999999",
  BE: "999999999999",
  IE: "AAAA99999999999999",
} as const;

export type IbanCountry = keyof typeof layouts;

/** Printed in groups of four, as people write them: DE89 3704 0044 0532 0130 00. */
export function generateIban(random: Random, country?: IbanCountry): string {
  const code = country ?? random.pick(Object.keys(layouts) as IbanCountry[]);
  let bban = "";
  for (const slot of layouts[code]) {
    bban += slot === "A" ? String.fromCharCode(65 + random.int(0, 25)) : String(random.int(0, 9));
  }
  const compact = `${code}${computeIbanCheckDigits(code, bban)}${bban}`;
  return compact.replace(/(.{4})(?=.)/g, "$1 ");
}
