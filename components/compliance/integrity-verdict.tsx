// The audit trail's verdict at the top of its section: green when the chain and
// every earlier checkpoint verify, red (and announced) when they do not.
import type { SectionIntegrity } from "@/components/compliance/integrity-of-section";
import { Alert } from "@/components/ui/alert";

export function IntegrityVerdict({ integrity, className }: { integrity: SectionIntegrity; className?: string }) {
  return (
    <Alert
      tone={integrity.isBroken ? "error" : "success"}
      title={integrity.isBroken ? "Integrity finding: the audit trail does not verify" : "Audit trail verified"}
      className={className}
    >
      <p data-integrity={integrity.isBroken ? "broken" : "verified"}>{integrity.finding}</p>
    </Alert>
  );
}
