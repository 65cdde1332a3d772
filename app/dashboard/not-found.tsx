import Link from "next/link";

// Shown inside the dashboard frame when a dashboard page calls notFound() (e.g. a record of another org).
export default function DashboardNotFound() {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">It does not exist in this organization, or it was deleted.</p>
      <Link href="/dashboard" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:text-indigo-600">
        Back to the overview
      </Link>
    </div>
  );
}
