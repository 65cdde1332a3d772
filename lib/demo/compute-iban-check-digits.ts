// ISO 13616 IBAN check digits (ISO 7064 mod 97-10).

/** Letters become 10..35, as IBAN validation requires. */
function toNumericString(text: string): string {
  let out = "";
  for (const ch of text.toUpperCase()) {
    const code = ch.charCodeAt(0);
    out += code >= 65 && code <= 90 ? String(code - 55) : ch;
  }
  return out;
}

/** The remainder of a long decimal string modulo 97, a chunk at a time (no BigInt needed). */
export function mod97(numeric: string): number {
  let remainder = 0;
  for (let i = 0; i < numeric.length; i += 7) {
    remainder = Number(String(remainder) + numeric.slice(i, i + 7)) % 97;
  }
  return remainder;
}

/** The two check digits for a country code and BBAN (account part). */
export function computeIbanCheckDigits(countryCode: string, bban: string): string {
  const remainder = mod97(toNumericString(`${bban}${countryCode}00`));
  return String(98 - remainder).padStart(2, "0");
}

/** True when an IBAN (spaces allowed) has valid mod-97 check digits. */
export function isValidIbanChecksum(iban: string): boolean {
  const compact = iban.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  return mod97(toNumericString(compact.slice(4) + compact.slice(0, 4))) === 1;
}
