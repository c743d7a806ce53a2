import type { TFunction } from 'i18next';
import type { TraceQuery } from '../../gql/graphql';

export type TraceData = TraceQuery['trace'];
export type TraceEvent = TraceData['events'][number];
type Place = TraceEvent['facility'] | NonNullable<TraceEvent['counterparty']>;

export interface PathNode {
  id: string;
  name: string;
  type: string;
  regency: string | null | undefined;
  /** Event types seen at this facility, in order, without repeats. */
  events: TraceEvent['type'][];
}

export interface PathEdge {
  from: number;
  to: number;
  kind: 'SHIPPED' | 'RETURNED';
  at: string;
  /** 1-based position in the timeline. */
  step: number;
  received: boolean;
}

/**
 * The pack's path: facilities in the order it first met them, and each shipment or return
 * as an arrow (received once the other side recorded RECEIVED after it).
 */
export function pathOf(events: readonly TraceEvent[]): { nodes: PathNode[]; edges: PathEdge[] } {
  const nodes: PathNode[] = [];
  const index = new Map<string, number>();
  const place = (facility: Place) => {
    let at = index.get(facility.id);
    if (at === undefined) {
      at = nodes.length;
      index.set(facility.id, at);
      nodes.push({ id: facility.id, name: facility.name, type: facility.type, regency: facility.regency, events: [] });
    }
    return at;
  };
  const edges: PathEdge[] = [];
  events.forEach((event, position) => {
    const from = place(event.facility);
    const node = nodes[from]!;
    if (!node.events.includes(event.type)) node.events.push(event.type);
    if ((event.type === 'SHIPPED' || event.type === 'RETURNED') && event.counterparty) {
      const to = place(event.counterparty);
      const received = events
        .slice(position + 1)
        .some((later) => later.type === 'RECEIVED' && later.facility.id === event.counterparty!.id);
      edges.push({ from, to, kind: event.type, at: event.at, step: position + 1, received });
    }
  });
  return { nodes, edges };
}

/** The trace as rows of a CSV: who did what, where, with whom and when, oldest first. */
export function traceCsvRows(t: TFunction, trace: TraceData): string[][] {
  const header = [
    t('traceSearch.csv.step'),
    t('traceSearch.csv.event'),
    t('traceSearch.csv.at'),
    t('traceSearch.csv.recordedAt'),
    t('traceSearch.csv.facility'),
    t('traceSearch.csv.counterparty'),
    t('traceSearch.csv.recordedBy'),
    t('traceSearch.csv.source'),
    t('traceSearch.csv.reason'),
    t('traceSearch.csv.parentCode'),
    t('traceSearch.csv.code'),
    t('traceSearch.csv.eventId'),
  ];
  return [
    header,
    ...trace.events.map((event, index) => [
      String(index + 1),
      t(`trace.event.${event.type}`),
      event.at,
      event.recordedAt,
      event.facility.name,
      event.counterparty?.name ?? '',
      event.recordedBy?.name ?? '',
      t(`trace.source.${event.source}`),
      event.reason ?? '',
      event.parentCode ?? '',
      trace.pack.code,
      event.id,
    ]),
  ];
}
