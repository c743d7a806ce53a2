import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/providers';
import { useViewer } from '../../../app/viewer';
import type { DecommissionReason } from '../../../gql/graphql';
import { destinationsOf, useLifecycle } from '../../lifecycle/useLifecycle';
import { Loading, Page, QueryError, Section, SelectField } from '../../../shared/ui';
import { ScanSession } from '../../scan-session/ScanSession';
import { useScanSession } from '../../scan-session/useScanSession';
import { sendActivationCsv, sendMovement, type MovementContext, type MovementKind } from '../send';
import { useActingFacility } from '../useActingFacility';
import { ActingFacility } from './ActingFacility';
import { ActivateRequest } from './ActivateRequest';
import { DestinationPicker } from './DestinationPicker';

/**
 * A movement screen: the acting facility, for a return the destination, and the scan session
 * whose reads become the movement. (Shipping and receiving work on delivery notes: see
 * features/shipments.)
 */
export function MovementScreen({ kind }: { kind: Exclude<MovementKind, 'ship' | 'receive'> }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const client = useApolloClient();
  const session = useSession();
  const acting = useActingFacility();
  const { lifecycle, error: lifecycleError, refetch: refetchLifecycle } = useLifecycle();
  const [to, setTo] = useState('');
  const [toName, setToName] = useState('');
  const [reason, setReason] = useState<DecommissionReason | ''>('');
  const sending = kind === 'returnPacks' ? kind : null;
  const needsDestination = sending !== null;
  const needsReason = kind === 'decommission';

  const context: MovementContext | null =
    !acting.loaded || (needsDestination && !to) || (needsReason && !reason)
      ? null
      : { facility: acting.facility, ...(needsDestination ? { to } : {}), ...(needsReason && reason ? { reason } : {}) };
  const scan = useScanSession<MovementContext>({
    storageKey: `jejak.scan.${viewer.id}.${kind}`,
    context,
    send: (codes, sent) => sendMovement(client, kind, codes, sent),
    sendCsv: kind === 'activate' ? (header, lines) => sendActivationCsv(session.token, header, lines, acting.facility || undefined) : undefined,
  });

  return (
    <Page title={t(`movements.${kind}.title`)} intro={t(`movements.${kind}.intro`, { days: lifecycle?.undoWindowDays ?? '…' })}>
      <Section title={t(needsDestination ? 'movements.where' : needsReason ? 'movements.placeAndReason' : 'movements.place')} id={`${kind}-where`}>
        {acting.error ? <QueryError error={acting.error} onRetry={() => void acting.refetch()} /> : null}
        {lifecycleError ? <QueryError error={lifecycleError} onRetry={() => void refetchLifecycle()} /> : null}
        {!acting.loaded && !acting.error ? <Loading /> : null}
        <ActingFacility facilities={acting.facilities} value={acting.facility} onChange={acting.setFacility} />
        {sending && lifecycle ? (
          <DestinationPicker
            types={destinationsOf(lifecycle, sending, viewer.organization.type)}
            exclude={acting.facilities.map((facility) => facility.id)}
            value={to}
            onChange={(id, name) => {
              setTo(id);
              setToName(name);
            }}
          />
        ) : null}
        {needsDestination && to ? <p className="destination-chosen">{t('movements.destination.chosen', { name: toName })}</p> : null}
        {needsReason ? (
          <SelectField
            label={t('movements.decommission.reasonLabel')}
            hint={t('movements.decommission.reasonHint')}
            name="reason"
            value={reason}
            onChange={(event) => setReason(event.target.value as DecommissionReason | '')}
          >
            <option value="">{t('movements.decommission.reasonChoose')}</option>
            {(lifecycle?.decommissionReasons ?? []).map((value) => (
              <option key={value} value={value}>
                {t(`movements.decommission.reasons.${value}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </Section>
      {kind === 'activate' && acting.loaded ? (
        <Section title={t('activateRequest.title')} id="activate-request">
          <ActivateRequest facility={acting.facility} />
        </Section>
      ) : null}
      <Section title={t('movements.scanTitle')} id={`${kind}-scan`}>
        <ScanSession
          session={scan}
          notReady={needsDestination ? t('movements.destination.first') : needsReason ? t('movements.decommission.reasonFirst') : undefined}
          csvMode={kind === 'activate' ? 'server' : 'codes'}
          csvHint={kind === 'activate' ? t('movements.activate.csvHint') : undefined}
          reportName={`jejak-${kind}-ditolak`}
          acceptedLabel={t(`movements.${kind}.accepted`)}
        />
      </Section>
    </Page>
  );
}
