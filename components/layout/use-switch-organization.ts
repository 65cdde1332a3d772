"use client";
// Switches the current organization: next-auth's session update() re-issues the JWT
// for the chosen org (the server checks the membership), then the page reloads.
import { useSession } from "next-auth/react";
import { useState } from "react";

export function useSwitchOrganization() {
  const { update, status } = useSession();
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function switchTo(orgId: string) {
    setError(null);
    setIsPending(true);
    const session = await update({ orgId }).catch(() => null);
    if (session?.orgId !== orgId) {
      setIsPending(false);
      setError("Could not switch organization. Try again.");
      return;
    }
    // A full reload rather than router.refresh(): every server component, client cache and
    // error boundary (e.g. a 403 shown for the previous org's role) starts over in the new org.
    window.location.reload();
  }

  return { switchTo, isPending, isReady: status === "authenticated", error };
}
