"use client";
// Daily activity over the report's period, one line per source.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { dailyCaption } from "@/components/compliance/chart-captions";
import { ChartFigure, chartDescriptionId } from "@/components/compliance/chart-figure";
import { chartColors } from "@/components/compliance/chart-colors";
import type { DailySeries } from "@/components/compliance/derive-report-charts";

export function DailyActivityChart({ data }: { data: DailySeries }) {
  return (
    <ChartFigure id="chart-daily-activity" title="Daily activity" description={dailyCaption(data)} height={320}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={data.rows}
          margin={{ top: 4, right: 12, bottom: 4, left: 0 }}
          title="Daily activity"
          aria-describedby={chartDescriptionId("chart-daily-activity")}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={44} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {data.series.map((serie, index) => (
            <Line
              key={serie.key}
              type="monotone"
              dataKey={serie.key}
              name={serie.label}
              stroke={chartColors[index % chartColors.length]}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
