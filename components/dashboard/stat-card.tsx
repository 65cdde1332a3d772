// One headline number of the overview: <dt>label</dt><dd>number</dd> (then any hint or link, also <dd>),
// grouped in a <div> inside the page's <dl>.
import Link from "next/link";

const numberFormat = new Intl.NumberFormat("en-US");

export function StatCard({ label, value, href, hint }: { label: string; value: number; href?: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-2 text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">
        {numberFormat.format(value)}
      </dd>
      {hint ? <dd className="mt-1 text-xs text-slate-500">{hint}</dd> : null}
      {href ? (
        <dd className="mt-3 text-sm">
          <Link href={href} className="font-medium text-indigo-700 hover:text-indigo-600">
            View {label.toLowerCase()}
            <span aria-hidden="true"> →</span>
          </Link>
        </dd>
      ) : null}
    </div>
  );
}
