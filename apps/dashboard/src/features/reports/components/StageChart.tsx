import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_COLORS, Chart, formatCount } from './ReportParts';

export interface Stage {
  label: string;
  units: number;
}

/** The realisation stages as horizontal bars: how far the units got down the chain. */
export function StageChart({ stages, label }: { stages: readonly Stage[]; label: string }) {
  return (
    <Chart label={label} height={300}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...stages]} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(value: number) => formatCount(value)} allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => formatCount(Number(value))} />
          <Bar dataKey="units" fill={CHART_COLORS[0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Chart>
  );
}
