"use client";
// Successful logins against failed ones, per day or per user.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/compliance/chart-figure";
import type { LoginCounts } from "@/components/compliance/derive-report-charts";

export function LoginsChart({ data }: { data: LoginCounts }) {
  const logins = data.rows.reduce((sum, row) => sum + row.logins, 0);
  const failures = data.rows.reduce((sum, row) => sum + row.failures, 0);
  return (
    <ChartFigure
      id="chart-logins"
      title="Logins vs failures"
      description={`${logins.toLocaleString()} successful and ${failures.toLocaleString()} failed sign-ins, by ${data.by}.`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.rows} margin={{ top: 4, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={-20} textAnchor="end" height={56} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={44} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="logins" name="Successful" fill="#059669" isAnimationActive={false} />
          <Bar dataKey="failures" name="Failed" fill="#dc2626" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
