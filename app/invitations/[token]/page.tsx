import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/users/set-password-form";
import { findInvitation } from "@/lib/users/find-invitation";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

type InvitationPageProps = { params: Promise<{ token: string }> };

// Public: the link's token is the credential. Checked before a password is asked for.
export default async function InvitationPage({ params }: InvitationPageProps) {
  const { token } = await params;
  const invitation = await findInvitation(token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            {invitation.status === "open" ? `Join ${invitation.orgName} on Attest` : "This link cannot be used"}
          </h1>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {invitation.status === "open" ? (
            <SetPasswordForm token={token} email={invitation.email} />
          ) : (
            <p className="text-sm text-slate-700">
              {invitation.status === "spent"
                ? "This set-password link was already used, has expired or was withdrawn. Ask an admin of your organization for a new invitation."
                : "This is not a valid invitation link. Check that you copied all of it."}{" "}
              <Link href="/login" className="font-medium text-sky-700 underline">
                Sign in
              </Link>
            </p>
          )}
        </div>
      </div>
    </main>
  );
}
