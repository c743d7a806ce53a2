import type { OrganizationType, WorkKind } from '../../gql/graphql';
import { canSee, navItem, type Audience } from '../../app/navigation';

/** Where a count of waiting work is done: the first of these screens the viewer may open. */
interface WorkTarget {
  targets: ReadonlyArray<{ nav: string; path: string }>;
  /** Work that should not wait: shown in red (danger) or amber (warning) while there is some. */
  tone?: 'danger' | 'warning';
}

export const WORK: Record<WorkKind, WorkTarget> = {
  REQUESTS_AWAITING_DECISION: { targets: [{ nav: 'approvals', path: '/approvals?status=REQUESTED' }], tone: 'warning' },
  ALERTS_CRITICAL: { targets: [{ nav: 'alerts', path: '/alerts?severity=CRITICAL' }], tone: 'danger' },
  ALERTS_HIGH: { targets: [{ nav: 'alerts', path: '/alerts?severity=HIGH' }], tone: 'danger' },
  ALERTS_MEDIUM: { targets: [{ nav: 'alerts', path: '/alerts?severity=MEDIUM' }], tone: 'warning' },
  ALERTS_LOW: { targets: [{ nav: 'alerts', path: '/alerts?severity=LOW' }] },
  ACTIVE_RECALLS: { targets: [{ nav: 'recalls', path: '/recalls' }] },
  REQUESTS_DECIDED: { targets: [{ nav: 'codeRequests', path: '/code-requests' }] },
  CODES_NOT_ACTIVATED: {
    targets: [
      { nav: 'activate', path: '/activate' },
      { nav: 'codeRequests', path: '/code-requests' },
    ],
  },
  SHIPMENT_DISCREPANCIES: { targets: [{ nav: 'shipments', path: '/shipments?direction=out&status=RECEIVED_WITH_DISCREPANCIES' }], tone: 'danger' },
  RETURNS_INCOMING: {
    targets: [
      { nav: 'receive', path: '/receive' },
      { nav: 'shipments', path: '/shipments?direction=in&status=DISPATCHED' },
    ],
    tone: 'warning',
  },
  INCOMING_SHIPMENTS: {
    targets: [
      { nav: 'receive', path: '/receive' },
      { nav: 'shipments', path: '/shipments?direction=in&status=DISPATCHED' },
    ],
    tone: 'warning',
  },
  RECALLED_STOCK: {
    targets: [
      { nav: 'pullLists', path: '/pull-lists' },
      { nav: 'stock', path: '/stock?recalled=1' },
    ],
    tone: 'danger',
  },
  STOCK_EXPIRING: { targets: [{ nav: 'stock', path: '/stock?expiring=1' }], tone: 'warning' },
};

/** The screen a count links to for this viewer, or null when it may open none of them. */
export function workPath(kind: WorkKind, who: Audience): string | null {
  return WORK[kind].targets.find((target) => canSee(navItem(target.nav), who))?.path ?? null;
}

/** The screens each kind of organisation starts its daily work from, beside the counts. */
export const SHORTCUTS: Record<OrganizationType, readonly string[]> = {
  REGULATOR: ['trace', 'inspect', 'realisation', 'stockReport'],
  MANUFACTURER: ['codeRequests', 'activate', 'ship', 'shipments'],
  DISTRIBUTOR: ['receive', 'ship', 'shipments', 'stock'],
  PHARMACY: ['receive', 'dispense', 'stock', 'shipments'],
  HOSPITAL: ['receive', 'dispense', 'stock', 'shipments'],
  PUSKESMAS: ['receive', 'dispense', 'stock', 'shipments'],
};
