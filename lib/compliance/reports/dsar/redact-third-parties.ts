// Art. 15(4): a copy of the subject's data must not adversely affect others.
// Every personal-data value the detectors find that is not one of the
// subject's identifiers is treated as someone else's and masked (when
// redaction is on); what was masked is counted by kind. The subject's own
// values are returned as found, so the report can list them.
import { detectEmailAddresses } from "@/lib/compliance/pii/detect-email-addresses";
import { detectPersonalData } from "@/lib/compliance/pii/detect-personal-data";
import type { PersonalDataCategory, PersonalDataMatch } from "@/lib/compliance/pii/personal-data-match";
import type { SubjectIdentifiers } from "./subject-identifiers";

export type RedactedText = {
  text: string;
  /** Values masked as third parties' data, by kind. */
  redacted: Partial<Record<PersonalDataCategory, number>>;
  /** The subject's own values found in the text. */
  subjectMatches: PersonalDataMatch[];
  /** Other people's values left in because redaction is off. */
  unredacted: PersonalDataMatch[];
};

export function redactThirdParties(text: string, subject: SubjectIdentifiers, isRedacting: boolean): RedactedText {
  const redacted: RedactedText["redacted"] = {};
  const subjectMatches: PersonalDataMatch[] = [];
  const unredacted: PersonalDataMatch[] = [];
  let output = "";
  let cursor = 0;
  for (const match of detectPersonalData(text)) {
    const value = text.slice(match.start, match.end);
    if (subject.isSubject(match.category, value)) {
      subjectMatches.push(match);
      continue;
    }
    if (!isRedacting) {
      unredacted.push(match);
      continue;
    }
    output += text.slice(cursor, match.start) + match.masked;
    cursor = match.end;
    redacted[match.category] = (redacted[match.category] ?? 0) + 1;
  }
  return { text: output + text.slice(cursor), redacted, subjectMatches, unredacted };
}

/**
 * An address in an email's header: the subject's and the organization's own
 * (its agents' domains) stay; anyone else's is masked when redacting.
 */
export function redactHeaderAddress(
  address: string,
  subject: SubjectIdentifiers,
  orgDomains: ReadonlySet<string>,
  isRedacting: boolean,
): { address: string; isRedacted: boolean } {
  const domain = address.split("@")[1]?.trim().toLowerCase() ?? "";
  if (!isRedacting || subject.isSubject("email_address", address) || orgDomains.has(domain)) {
    return { address, isRedacted: false };
  }
  const masked = detectEmailAddresses(address)[0]?.masked ?? "•••";
  return { address: masked, isRedacted: true };
}
