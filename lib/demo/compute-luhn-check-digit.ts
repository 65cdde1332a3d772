// The Luhn (mod 10) check digit that payment card numbers end with.

/** The digit to append to `payload` (digits only) so the whole number passes Luhn. */
export function computeLuhnCheckDigit(payload: string): number {
  let sum = 0;
  // Walking from the right, the digit next to the check digit is doubled first.
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let digit = payload.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) throw new Error(`not a digit string: ${payload}`);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}
