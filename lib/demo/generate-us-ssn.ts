// US Social Security numbers in the issuable ranges (no 000/666/9xx area,
// no 00 group, no 0000 serial), formatted AAA-GG-SSSS.
import type { Random } from "@/lib/demo/create-random";

export function generateUsSsn(random: Random): string {
  let area = random.int(1, 899);
  if (area === 666) area = 667;
  const group = random.int(1, 99);
  const serial = random.int(1, 9999);
  return `${String(area).padStart(3, "0")}-${String(group).padStart(2, "0")}-${String(serial).padStart(4, "0")}`;
}
