import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/ui';
import { pathOf, type TraceEvent } from '../path';

const WIDTH = 360;
const NODE_X = 118;
const NODE_W = 236;
const NODE_H = 58;
const GAP = 30;

const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Facilities as boxes top to bottom in the order the pack reached them; each shipment an arrow
 * on the left, numbered as its step in the timeline (dashed while not received, orange for a
 * return). The same path is said in words for screen readers.
 */
export function TraceGraph({ events }: { events: readonly TraceEvent[] }) {
  const { t } = useTranslation();
  const { nodes, edges } = pathOf(events);
  if (!nodes.length) return null;
  const height = nodes.length * (NODE_H + GAP) - GAP + 8;
  const centre = (index: number) => 4 + index * (NODE_H + GAP) + NODE_H / 2;
  const words = edges.length
    ? edges
        .map((edge) =>
          t(edge.kind === 'RETURNED' ? 'trace.graph.returnedWords' : 'trace.graph.shippedWords', {
            from: nodes[edge.from]!.name,
            to: nodes[edge.to]!.name,
            time: formatDateTime(edge.at),
          }),
        )
        .join('; ')
    : t('trace.graph.stayed', { name: nodes[0]!.name });

  return (
    <figure className="trace-graph">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t('trace.graph.label', { path: words })}>
        <defs>
          <marker id="trace-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#0f766e" />
          </marker>
          <marker id="trace-arrow-return" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#b45309" />
          </marker>
        </defs>
        {edges.map((edge, index) => {
          const y1 = centre(edge.from);
          const y2 = centre(edge.to);
          const span = Math.abs(edge.to - edge.from);
          const depth = Math.min(NODE_X - 14, 28 + span * 18 + (index % 3) * 10);
          const x = NODE_X - depth;
          const returned = edge.kind === 'RETURNED';
          const colour = returned ? '#b45309' : '#0f766e';
          const labelY = (y1 + y2) / 2;
          return (
            <g key={`${edge.step}`} className="trace-edge">
              <path
                d={`M ${NODE_X} ${y1 - 6} C ${x} ${y1 - 6}, ${x} ${y2 + 6}, ${NODE_X - 1} ${y2 + 6}`}
                fill="none"
                stroke={colour}
                strokeWidth={2}
                strokeDasharray={edge.received ? undefined : '5 4'}
                markerEnd={`url(#${returned ? 'trace-arrow-return' : 'trace-arrow'})`}
              />
              <circle cx={x + depth * 0.25} cy={labelY} r={10} fill="#fff" stroke={colour} strokeWidth={1.5} />
              <text x={x + depth * 0.25} y={labelY + 4} textAnchor="middle" fontSize={11} fontWeight={700} fill={colour}>
                {edge.step}
              </text>
            </g>
          );
        })}
        {nodes.map((node, index) => {
          const y = 4 + index * (NODE_H + GAP);
          return (
            <g key={node.id} className="trace-node">
              <rect x={NODE_X} y={y} width={NODE_W} height={NODE_H} rx={8} fill="#fff" stroke="#b9cbc7" />
              <text x={NODE_X + 12} y={y + 22} fontSize={13} fontWeight={650} fill="#17302d">
                {short(node.name, 27)}
              </text>
              <text x={NODE_X + 12} y={y + 42} fontSize={11} fill="#56706b">
                {short([t(`organizationType.${node.type as 'PHARMACY'}`), node.regency].filter(Boolean).join(' · '), 38)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="trace-legend">
        <span className="legend-shipped">{t('trace.graph.legendShipped')}</span>
        <span className="legend-transit">{t('trace.graph.legendTransit')}</span>
        <span className="legend-returned">{t('trace.graph.legendReturned')}</span>
      </figcaption>
    </figure>
  );
}
