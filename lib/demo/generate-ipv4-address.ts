// IPv4 addresses from the documentation ranges (RFC 5737), so demo data never
// names a real host.
import type { Random } from "@/lib/demo/create-random";

const documentationNetworks = ["192.0.2", "198.51.100", "203.0.113"] as const;

export function generateIpv4Address(random: Random): string {
  return `${random.pick(documentationNetworks)}.${random.int(1, 254)}`;
}
