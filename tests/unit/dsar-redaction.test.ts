// Art. 15(4) redaction in the dsar report: the subject's own identifiers stay
// (phone numbers in any common form), everyone else's detected values are
// masked and counted by kind, and turning it off leaves them in.
import { describe, expect, it } from "vitest";
import { matchReasons } from "@/lib/compliance/reports/dsar/match-subject-emails";
import { redactHeaderAddress, redactThirdParties } from "@/lib/compliance/reports/dsar/redact-third-parties";
import { createSubjectIdentifiers } from "@/lib/compliance/reports/dsar/subject-identifiers";

const subject = createSubjectIdentifiers("Jane@Subject.test", ["+44 20 7946 0958"]);

describe("redactThirdParties", () => {
  it("keeps the subject's values and masks everyone else's, by kind", () => {
    const text = "Jane@subject.test wrote from +44 (0)20 7946 0958 about bob@third.test, card 4111 1111 1111 1111.";
    const result = redactThirdParties(text, subject, true);
    expect(result.text).toBe(
      "Jane@subject.test wrote from +44 (0)20 7946 0958 about b•••@third.test, card •••• •••• •••• 1111.",
    );
    expect(result.redacted).toEqual({ email_address: 1, payment_card: 1 });
    expect(result.subjectMatches.map((match) => match.category).sort()).toEqual(["email_address", "phone"]);
  });

  it("leaves third parties' values in when redaction is off, and says which", () => {
    const result = redactThirdParties("Ask bob@third.test", subject, false);
    expect(result.text).toBe("Ask bob@third.test");
    expect(result.redacted).toEqual({});
    expect(result.unredacted.map((match) => match.category)).toEqual(["email_address"]);
  });

  it("masks header addresses of third parties, not the subject's or the organization's", () => {
    const org = new Set(["acme.test"]);
    expect(redactHeaderAddress("carol@other.test", subject, org, true)).toEqual({
      address: "c•••@other.test",
      isRedacted: true,
    });
    expect(redactHeaderAddress("jane@subject.test", subject, org, true).isRedacted).toBe(false);
    expect(redactHeaderAddress("sales@acme.test", subject, org, true).isRedacted).toBe(false);
    expect(redactHeaderAddress("carol@other.test", subject, org, false).isRedacted).toBe(false);
  });
});

describe("matchReasons", () => {
  it("names every field that points at the subject", () => {
    const email = {
      fromAddress: "agent@acme.test",
      toAddresses: ["JANE@subject.test"],
      ccAddresses: ["x@y.test"],
      subject: "Re: order",
      body: "Call +44 20 7946 0958",
    };
    expect(matchReasons(email, subject.all)).toEqual(["to", "mention"]);
    expect(matchReasons({ ...email, toAddresses: [], body: "nothing" }, subject.all)).toEqual([]);
  });
});
