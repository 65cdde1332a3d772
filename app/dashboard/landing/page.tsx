import { redirect } from "next/navigation";
import { requirePageIdentity } from "@/lib/auth/require-page-identity";
import { landingPathFor } from "@/lib/dashboard/landing-path-for";

// After sign-in without a page to return to: each role's own start page.
export default async function LandingPage() {
  const { identity } = await requirePageIdentity({ callbackUrl: "/dashboard/landing" });
  redirect(landingPathFor(identity.role));
}
