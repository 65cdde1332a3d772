// Phone numbers in international formats, drawn from ranges set aside for
// fiction or from ordinary geographic ranges, as people type them in email.
import type { Random } from "@/lib/demo/create-random";

type Format = (random: Random) => string;

const digits = (random: Random, count: number): string => {
  let out = "";
  for (let i = 0; i < count; i++) out += String(random.int(0, 9));
  return out;
};

const formats: readonly Format[] = [
  // US/Canada: 555-01xx is reserved for fiction.
  (r) => `+1 (${r.pick(["212", "415", "617", "312", "206"])}) 555-01${digits(r, 2)}`,
  (r) => `+1-${r.pick(["646", "510", "303"])}-555-01${digits(r, 2)}`,
  // UK: 020 7946 0xxx is Ofcom's drama range.
  (r) => `+44 20 7946 0${digits(r, 3)}`,
  (r) => `+44 161 496 0${digits(r, 3)}`,
  // Germany (Berlin, Munich landlines; mobile).
  (r) => `+49 30 ${r.int(2, 9)}${digits(r, 7)}`,
  (r) => `+49 89 ${r.int(2, 9)}${digits(r, 7)}`,
  (r) => `+49 151 ${r.int(1, 9)}${digits(r, 7)}`,
  // France (Paris landline, mobile).
  (r) => `+33 1 ${r.int(40, 79)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
  (r) => `+33 6 ${r.int(10, 99)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
  // Netherlands (Amsterdam), Spain (Madrid), Japan (Tokyo), Australia (fiction range).
  (r) => `+31 20 ${r.int(2, 9)}${digits(r, 2)} ${digits(r, 4)}`,
  (r) => `+34 91 ${r.int(2, 9)}${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
  (r) => `+81 3-${r.int(3, 6)}${digits(r, 3)}-${digits(r, 4)}`,
  (r) => `+61 2 5550 ${digits(r, 4)}`,
];

export function generatePhoneNumber(random: Random): string {
  return random.pick(formats)(random);
}
