import Link from "next/link";

// Shown (with HTTP 403) when a dashboard page calls forbidden() for the signed-in user's role.
export default function DashboardForbidden() {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <p className="text-sm font-semibold text-indigo-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">You don’t have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">
        Your role in this organization does not allow it. Ask an admin of the organization if you need access.
      </p>
      <Link href="/dashboard" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:text-indigo-600">
        Back to the overview
      </Link>
    </div>
  );
}
