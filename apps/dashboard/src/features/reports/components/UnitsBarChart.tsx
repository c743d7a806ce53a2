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
  const height = Math.max(160, Math.min(data.length, 12) * 44 + 60);
  return (
    <Chart label={label} height={height}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.slice(0, 12)} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(value: number) => formatCount(value)} allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={LABEL_WIDTH} tick={<WrappedTick />} interval={0} />
          <Tooltip formatter={(value) => formatCount(Number(value))} />
          {series.map((item, index) => (
            <Bar key={item.key} dataKey={item.key} name={item.name} stackId={stacked ? 'units' : undefined} fill={CHART_COLORS[index % CHART_COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Chart>
  );
}

const LABEL_WIDTH = 200;
/** Characters of a 12-px label that fit the label column on one line. */
const LINE_CHARS = 30;
const MAX_LINES = 2;

/** Splits a name into at most MAX_LINES lines at spaces; a last line that does not fit ends with an ellipsis. */
export function wrapLabel(text: string, width = LINE_CHARS, maxLines = MAX_LINES): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines - 1) {
      const rest = words.slice(index).join(' ');
      lines.push(rest.length > width ? `${rest.slice(0, width - 1)}…` : rest);
      return lines;
    }
  }
  if (line) lines.push(line.length > width ? `${line.slice(0, width - 1)}…` : line);
  return lines;
}

interface TickProps {
  x?: number;
  y?: number;
  payload?: { value: string };
}

/** A category label on up to two lines, the whole name in its tooltip: never cut mid-word at a fixed width. */
function WrappedTick({ x = 0, y = 0, payload }: TickProps) {
  const text = String(payload?.value ?? '');
  const lines = wrapLabel(text);
  const first = -((lines.length - 1) * 14) / 2;
  return (
    <text x={x} y={y} textAnchor="end" fontSize={12} fill="currentColor" className="chart-tick">
      <title>{text}</title>
      {lines.map((line, index) => (
        <tspan key={index} x={x - 4} dy={index === 0 ? first + 4 : 14}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** Sums units by a key, largest first. */
export function sumBy<Row>(rows: readonly Row[], key: (row: Row) => string, units: (row: Row) => number): Array<{ label: string; units: number }> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + units(row));
  return [...sums].map(([label, value]) => ({ label, units: value })).sort((a, b) => b.units - a.units);
}
