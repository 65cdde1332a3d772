import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login/login-form";
import { getPageIdentity } from "@/lib/auth/require-page-identity";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

export const metadata: Metadata = { title: "Sign in" };

type LoginPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  // Already signed in (e.g. the back button after signing in): go where the user was heading.
  if (await getPageIdentity()) redirect(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <span
            aria-hidden="true"
            className="mx-auto flex size-10 items-center justify-center rounded-lg bg-indigo-600 text-lg font-semibold text-white"
          >
            A
          </span>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">Sign in to Attest</h1>
          <p className="mt-1 text-sm text-slate-600">Compliance reports for your AI agents</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm callbackUrl={callbackUrl} />
        </div>
      </div>
    </main>
  );
}
