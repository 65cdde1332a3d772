// The emails that concern the subject, as one SQL condition on "Email":
// from one of their addresses, to or cc one of them (the JSON arrays hold
// quoted addresses, so `"addr"` matches a whole entry), or mentioning any of
// their identifiers in the subject line or body. Case-insensitive; LIKE's
// wildcards in an identifier are escaped (an `_` in an address is literal).
import { Prisma } from "@/lib/generated/sqlite/client";
import type { SqlCondition } from "@/lib/db/sql-condition";

export function matchSubjectEmails(identifiers: readonly string[]): SqlCondition {
  if (identifiers.length === 0) throw new Error("A data subject needs at least one identifier");
  const parts = identifiers.flatMap((identifier) => {
    const literal = escapeLike(identifier.toLowerCase());
    const quoted = `%"${literal}"%`;
    const mention = `%${literal}%`;
    return [
      Prisma.sql`LOWER("fromAddress") = ${identifier.toLowerCase()}`,
      Prisma.sql`LOWER(CAST("toAddresses" AS TEXT)) LIKE ${quoted} ESCAPE '\\'`,
      Prisma.sql`LOWER(CAST("ccAddresses" AS TEXT)) LIKE ${quoted} ESCAPE '\\'`,
      Prisma.sql`LOWER("subject") LIKE ${mention} ESCAPE '\\'`,
      Prisma.sql`LOWER("body") LIKE ${mention} ESCAPE '\\'`,
    ];
  });
  return {
    sql: Prisma.sql`(${Prisma.join(parts, " OR ")})`,
    text:
      `(fromAddress, toAddresses or ccAddresses is one of ${identifiers.join(", ")}, ` +
      "or subject or body mentions one of them; case-insensitive)",
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Why an email is in the subject's report: which of its fields name the subject. */
export function matchReasons(
  email: {
    fromAddress: string;
    toAddresses: readonly string[];
    ccAddresses: readonly string[];
    subject: string;
    body: string;
  },
  identifiers: readonly string[],
): string[] {
  const lower = (values: readonly string[]) => values.map((value) => value.trim().toLowerCase());
  const to = lower(email.toAddresses);
  const cc = lower(email.ccAddresses);
  const text = `${email.subject}\n${email.body}`.toLowerCase();
  const reasons: string[] = [];
  if (identifiers.includes(email.fromAddress.trim().toLowerCase())) reasons.push("from");
  if (to.some((address) => identifiers.includes(address))) reasons.push("to");
  if (cc.some((address) => identifiers.includes(address))) reasons.push("cc");
  if (identifiers.some((identifier) => text.includes(identifier))) reasons.push("mention");
  return reasons;
}
