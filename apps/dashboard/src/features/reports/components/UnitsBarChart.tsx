import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_COLORS, Chart, formatCount } from './ReportParts';

export interface Bars {
  label: string;
  [series: string]: number | string;
}

interface UnitsBarChartProps {
  data: readonly Bars[];
  series: ReadonlyArray<{ key: string; name: string }>;
  label: string;
  stacked?: boolean;
}

/** Units per place (or facility), largest first, horizontal so long names stay readable. */
export function UnitsBarChart({ data, series, label, stacked = false }: UnitsBarChartProps) {
  const height = Math.max(160, Math.min(data.length, 12) * 34 + 60);
  return (
    <Chart label={label} height={height}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.slice(0, 12)} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(value: number) => formatCount(value)} allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={160} tick={{ fontSize: 12 }} tickFormatter={(value: string) => (value.length > 24 ? `${value.slice(0, 23)}…` : value)} />
          <Tooltip formatter={(value) => formatCount(Number(value))} />
          {series.map((item, index) => (
            <Bar key={item.key} dataKey={item.key} name={item.name} stackId={stacked ? 'units' : undefined} fill={CHART_COLORS[index % CHART_COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Chart>
  );
}

/** Sums units by a key, largest first. */
export function sumBy<Row>(rows: readonly Row[], key: (row: Row) => string, units: (row: Row) => number): Array<{ label: string; units: number }> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + units(row));
  return [...sums].map(([label, value]) => ({ label, units: value })).sort((a, b) => b.units - a.units);
}
