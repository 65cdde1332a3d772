import { detectPersonalData } from "./detect-personal-data";

/**
 * `text` with every detected value replaced by its masked form. Used on stored
 * excerpts (e.g. DLP violation excerpts) as a second line of defence, so a
 * report never carries a raw card number even if an upstream mask failed.
 */
export function redactPersonalData(text: string): string {
  const matches = detectPersonalData(text);
  if (matches.length === 0) return text;
  let redacted = "";
  let cursor = 0;
  for (const match of matches) {
    redacted += text.slice(cursor, match.start) + match.masked;
    cursor = match.end;
  }
  return redacted + text.slice(cursor);
}
