// One realistic email of an agent: subject, body and the personal data placed
// in it (so DLP violations can point at real emails with what they contain).
import type { Random } from "@/lib/demo/create-random";
import {
  asciiFirstNames,
  asciiLastNames,
  personalDomains,
  type AgentKind,
  type PiiKind,
} from "@/lib/demo/demo-catalog";
import { emailPhrases, products } from "@/lib/demo/demo-email-phrases";
import { generateCardNumber } from "@/lib/demo/generate-card-number";
import { generateIban } from "@/lib/demo/generate-iban";
import { generateIpv4Address } from "@/lib/demo/generate-ipv4-address";
import { generatePhoneNumber } from "@/lib/demo/generate-phone-number";
import { generateUsSsn } from "@/lib/demo/generate-us-ssn";

export type PlacedPii = { kind: PiiKind; value: string };
export type ComposedEmail = { subject: string; body: string; pii: PlacedPii[]; hasConfidentialMarker: boolean };

export type ComposeInput = {
  kind: AgentKind;
  direction: "inbound" | "outbound";
  /** The person on the other side, as "First Last". */
  counterpartName: string;
  agentName: string;
  orgName: string;
  /** Probability that the body carries personal data. */
  piiRate: number;
  sentAt: Date;
};

const piiWeights: readonly (readonly [PiiKind, number])[] = [
  ["email_address", 24],
  ["phone", 24],
  ["payment_card", 14],
  ["iban", 14],
  ["us_ssn", 8],
  ["ip_address", 16],
];

// Which personal data a kind of correspondence plausibly carries.
const piiSentences: Record<PiiKind, readonly ((value: string) => string)[]> = {
  email_address: [(v) => `You can also reach me at ${v}.`, (v) => `Please copy my colleague ${v} on your reply.`],
  phone: [(v) => `Please call me back on ${v}.`, (v) => `My direct line is ${v}.`],
  payment_card: [(v) => `The charge was on my card ${v}.`, (v) => `Card used for the order: ${v}, expiry 08/29.`],
  iban: [(v) => `Please send the money to IBAN ${v}.`, (v) => `Our new bank account is ${v}.`],
  us_ssn: [(v) => `My Social Security number is ${v}.`, (v) => `SSN for the form: ${v}.`],
  ip_address: [(v) => `The login came from ${v}, which I do not recognise.`, (v) => `Our office egress IP is ${v}.`],
};

function fill(template: string, random: Random, sentAt: Date): string {
  if (!template.includes("{")) return template;
  return template.replace(/\{(n|product|d)\}/g, (_, slot: string) => {
    if (slot === "n") return String(random.int(1000, 99999));
    if (slot === "product") return random.pick(products);
    return new Date(sentAt.getTime() + random.int(-20, 30) * 86_400_000).toISOString().slice(0, 10);
  });
}

function generatePii(random: Random, kind: PiiKind): string {
  switch (kind) {
    case "email_address": {
      const first = random.pick(asciiFirstNames);
      const last = random.pick(asciiLastNames);
      return `${first}.${last}${random.int(1, 99)}@${random.pick(personalDomains)}`;
    }
    case "phone":
      return generatePhoneNumber(random);
    case "payment_card": {
      const digits = generateCardNumber(random);
      // People write cards both grouped and run together.
      return random.chance(0.5) ? digits.replace(/(\d{4})(?=\d)/g, "$1 ") : digits;
    }
    case "iban":
      return generateIban(random);
    case "us_ssn":
      return generateUsSsn(random);
    case "ip_address":
      return generateIpv4Address(random);
  }
}

export function composeDemoEmail(random: Random, input: ComposeInput): ComposedEmail {
  const phrases = emailPhrases[input.kind];
  const inbound = input.direction === "inbound";
  let subject = fill(random.pick(inbound ? phrases.inboundSubjects : phrases.outboundSubjects), random, input.sentAt);
  if (random.chance(0.2) && !subject.startsWith("Re:")) subject = `Re: ${subject}`;

  const lines = inbound ? phrases.inboundLines : phrases.outboundLines;
  const sentences = random.sample(lines, random.int(1, 3)).map((line) => fill(line, random, input.sentAt));

  const pii: PlacedPii[] = [];
  if (random.chance(input.piiRate)) {
    const count = random.chance(0.25) ? 2 : 1;
    for (let i = 0; i < count; i++) {
      const kind = random.pickWeighted(piiWeights);
      const value = generatePii(random, kind);
      pii.push({ kind, value });
      sentences.push(random.pick(piiSentences[kind])(value));
    }
  }

  const [counterpartFirst = input.counterpartName] = input.counterpartName.split(" ");
  const greeting = inbound ? "Hello," : `Hi ${counterpartFirst},`;
  const signature = inbound ? input.counterpartName : `${input.agentName}\n${input.orgName}`;
  const closing = random.pick(["Best regards,", "Kind regards,", "Thanks,", "Many thanks,"]);
  const body = `${greeting}\n\n${sentences.join(" ")}\n\n${closing}\n${signature}`;
  return { subject, body, pii, hasConfidentialMarker: /CONFIDENTIAL/.test(subject) || /CONFIDENTIAL/.test(body) };
}
