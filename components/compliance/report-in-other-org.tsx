"use client";
// A link to a report of another of the person's organizations: say where it is
// and offer to switch there (the page then shows the report), instead of "not found".
import Link from "next/link";
import { useSwitchOrganization } from "@/components/layout/use-switch-organization";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export function ReportInOtherOrg({
  orgId,
  orgName,
  currentOrgName,
  stayHref,
}: {
  orgId: string;
  orgName: string;
  currentOrgName: string;
  /** Where "Stay" leads: the current org's reports, or its overview for someone who cannot read them. */
  stayHref: string;
}) {
  const { switchTo, isPending, isReady, error } = useSwitchOrganization();
  return (
    <Card className="max-w-2xl p-6">
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">This report is in {orgName} — switch?</h1>
      <p className="mt-2 text-sm text-slate-600">
        You are working in {currentOrgName}. Switch to {orgName} to open the report; the rest of the dashboard then
        shows {orgName} too, until you switch back.
      </p>
      {error ? (
        <Alert tone="error" className="mt-4">
          {error}
        </Alert>
      ) : null}
      <div className="mt-5 flex flex-wrap gap-2">
        <Button disabled={!isReady || isPending} onClick={() => void switchTo(orgId)}>
          {isPending ? "Switching…" : `Switch to ${orgName}`}
        </Button>
        <Link href={stayHref} className={buttonClassName("secondary")}>
          Stay in {currentOrgName}
        </Link>
      </div>
    </Card>
  );
}
