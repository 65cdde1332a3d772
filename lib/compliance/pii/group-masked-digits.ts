import { MASK } from "./personal-data-match";

/**
 * Masks all but the last `keep` characters of a compact value and groups it in
 * fours from the right: `4242424242424242` → `•••• •••• •••• 4242`.
 */
export function groupMaskedDigits(compact: string, keep: number, keepPrefix = ""): string {
  const hiddenLength = Math.max(compact.length - keep - keepPrefix.length, 0);
  const masked = keepPrefix + MASK.repeat(hiddenLength) + compact.slice(compact.length - keep);
  const groups: string[] = [];
  for (let end = masked.length; end > 0; end -= 4) groups.unshift(masked.slice(Math.max(end - 4, 0), end));
  return groups.join(" ");
}
