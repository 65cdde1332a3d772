"use client";
// Counts by category as horizontal bars (DLP by severity or rule, personal data by kind).
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { categoryCaption } from "@/components/compliance/chart-captions";
import { ChartFigure, chartDescriptionId } from "@/components/compliance/chart-figure";
import { chartColors } from "@/components/compliance/chart-colors";
import type { CategoryBreakdown } from "@/components/compliance/derive-report-charts";

export function CategoryBarChart({
  id,
  title,
  valueLabel,
  nouns,
  breakdown,
  colors,
}: {
  id: string;
  title: string;
  valueLabel: string;
  /** The categories and the things counted, plural, for the caption: ["rules", "violations"]. */
  nouns: readonly [string, string];
  breakdown: CategoryBreakdown;
  colors?: Record<string, string>;
}) {
  const data = breakdown.items;
  const summary = categoryCaption(breakdown, nouns);
  const labelWidth = Math.min(180, Math.max(60, ...data.map((item) => item.name.length * 6.5)));
  return (
    <ChartFigure id={id} title={title} description={summary} height={Math.max(200, data.length * 32 + 50)}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
          // The keyboard layer makes the chart role="application": it needs its own name, and the
          // figure's caption as its description.
          title={title}
          aria-describedby={chartDescriptionId(id)}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="name" width={labelWidth} tick={{ fontSize: 11 }} interval={0} />
          <Tooltip />
          <Bar dataKey="value" name={valueLabel} isAnimationActive={false}>
            {data.map((item, index) => (
              <Cell
                key={item.name}
                fill={colors?.[item.name.toLowerCase()] ?? chartColors[index % chartColors.length]}
              />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
