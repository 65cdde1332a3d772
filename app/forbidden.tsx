import Link from "next/link";

// 403 outside the dashboard frame.
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">You don’t have access to this page</h1>
      <Link href="/dashboard" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:text-indigo-600">
        Back to the dashboard
      </Link>
    </main>
  );
}
