"use client";
// Successful sign-ins against failed ones, per user (horizontal bars: long addresses stay readable).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { loginsCaption } from "@/components/compliance/chart-captions";
import { loginColors } from "@/components/compliance/chart-colors";
import { ChartFigure, chartDescriptionId } from "@/components/compliance/chart-figure";
import type { LoginCounts } from "@/components/compliance/derive-report-charts";

export function LoginsChart({ data }: { data: LoginCounts }) {
  const labelWidth = Math.min(200, Math.max(80, ...data.rows.map((row) => row.label.length * 6.5)));
  return (
    <ChartFigure
      id="chart-logins"
      title="Logins vs failures"
      description={loginsCaption(data)}
      height={Math.max(256, data.rows.length * 30 + 60)}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data.rows}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
          title="Logins vs failures"
          aria-describedby={chartDescriptionId("chart-logins")}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 11 }} interval={0} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="logins" name="Successful" fill={loginColors.successful} isAnimationActive={false} />
          <Bar dataKey="failures" name="Failed" fill={loginColors.failed} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
