import Link from "next/link";

// 404 outside the dashboard frame.
export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <Link href="/dashboard" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:text-indigo-600">
        Go to the dashboard
      </Link>
    </main>
  );
}
