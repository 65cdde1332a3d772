import { MASK, type PersonalDataMatch } from "./personal-data-match";

// A pragmatic address shape (RFC 5322's full grammar matches too much prose):
// local part of common characters, a dotted domain ending in a 2+ letter TLD.
const ADDRESS =
  /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w-])/g;

/** Email addresses, masked to the first character of the mailbox: `j•••@example.com`. */
export function detectEmailAddresses(text: string): PersonalDataMatch[] {
  if (!text.includes("@")) return [];
  const matches: PersonalDataMatch[] = [];
  for (const found of text.matchAll(ADDRESS)) {
    matches.push({
      category: "email_address",
      masked: maskEmailAddress(found[0]),
      start: found.index,
      end: found.index + found[0].length,
    });
  }
  return matches;
}

/** The domain stays readable: it names an organisation, not a person. */
function maskEmailAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return MASK.repeat(3);
  return `${address[0]}${MASK.repeat(3)}@${address.slice(at + 1).toLowerCase()}`;
}
