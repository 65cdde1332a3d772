import { isIP } from "node:net";
import { MASK, type PersonalDataMatch } from "./personal-data-match";

// Candidates only; node:net's isIP decides. Not preceded by a word character
// or dot (so `v1.2.3.4` and longer dotted numbers are skipped), not followed by
// another `.digit` group.
const IPV4_CANDIDATE = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)/g;
const IPV4_HINT = /\d\.\d{1,3}\.\d/;
const IPV6_HINT = /[0-9A-Fa-f]{1,4}::|::[0-9A-Fa-f]{1,4}|[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:/;
const IPV6_CANDIDATE =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4})(?![\w:]|\.\w)/g;

/** IPv4 and IPv6 addresses, masked to their network prefix (`203.0.•••.•••`, `2001:db8:••••`). */
export function detectIpAddresses(text: string): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  // Most texts hold no colon at all (a memchr), and most with colons hold times
  // (`10:30`), not addresses: look for a hex group pair before the full pattern.
  if (text.includes(":") && IPV6_HINT.test(text)) {
    for (const found of text.matchAll(IPV6_CANDIDATE)) {
      const candidate = found[0];
      // `::` alone (C++ scopes, prose) is technically an address but never personal data.
      if (!/[0-9A-Fa-f]/.test(candidate) || isIP(candidate) !== 6) continue;
      const groups = candidate.split(":").filter((group) => group !== "");
      matches.push({
        category: "ip_address",
        masked: `${groups.slice(0, 2).join(":")}:${MASK.repeat(4)}`,
        start: found.index,
        end: found.index + candidate.length,
      });
    }
  }
  if (IPV4_HINT.test(text)) {
    for (const found of text.matchAll(IPV4_CANDIDATE)) {
      if (isIP(found[0]) !== 4) continue;
      // The IPv4 tail of an IPv6 address (`::ffff:192.0.2.1`) is already reported.
      if (matches.some((taken) => found.index < taken.end && taken.start < found.index + found[0].length)) continue;
      const [a, b] = found[0].split(".");
      matches.push({
        category: "ip_address",
        masked: `${a}.${b}.${MASK.repeat(3)}.${MASK.repeat(3)}`,
        start: found.index,
        end: found.index + found[0].length,
      });
    }
  }
  return matches;
}
