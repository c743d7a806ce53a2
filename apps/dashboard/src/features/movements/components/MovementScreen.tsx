import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/providers';
import { useViewer } from '../../../app/viewer';
import type { DecommissionReason, FacilityType } from '../../../gql/graphql';
import { Loading, Page, QueryError, Section, SelectField } from '../../../shared/ui';
import { ScanSession } from '../../scan-session/ScanSession';
import { useScanSession } from '../../scan-session/useScanSession';
import { sendActivationCsv, sendMovement, type MovementContext, type MovementKind } from '../send';
import { useActingFacility } from '../useActingFacility';
import { ActingFacility } from './ActingFacility';
import { DestinationPicker } from './DestinationPicker';

/** Why packs leave the supply chain; destroyed and stolen are final, the rest can be undone. */
const DECOMMISSION_REASONS: readonly DecommissionReason[] = ['DESTROYED', 'STOLEN', 'SAMPLE', 'EXPORTED', 'LOCKED'];

/** Where ship and return may send packs, by who sends. */
function destinationTypes(kind: MovementKind, mine: string): FacilityType[] {
  if (kind === 'returnPacks') return mine === 'MANUFACTURER' ? ['DISTRIBUTOR'] : ['DISTRIBUTOR', 'MANUFACTURER'];
  if (mine === 'MANUFACTURER') return ['DISTRIBUTOR', 'HOSPITAL', 'PUSKESMAS', 'PHARMACY'];
  if (mine === 'DISTRIBUTOR') return ['PHARMACY', 'HOSPITAL', 'PUSKESMAS', 'DISTRIBUTOR'];
  return ['PHARMACY', 'HOSPITAL', 'PUSKESMAS'];
}

/**
 * A movement screen: the acting facility, for ship and return the destination, and the scan
 * session whose reads become the movement.
 */
export function MovementScreen({ kind }: { kind: MovementKind }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const client = useApolloClient();
  const session = useSession();
  const acting = useActingFacility();
  const [to, setTo] = useState('');
  const [toName, setToName] = useState('');
  const [reason, setReason] = useState<DecommissionReason | ''>('');
  const needsDestination = kind === 'ship' || kind === 'returnPacks';
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
    <Page title={t(`movements.${kind}.title`)} intro={t(`movements.${kind}.intro`)}>
      <Section title={t(needsDestination ? 'movements.where' : needsReason ? 'movements.placeAndReason' : 'movements.place')} id={`${kind}-where`}>
        {acting.error ? <QueryError error={acting.error} onRetry={() => void acting.refetch()} /> : null}
        {!acting.loaded && !acting.error ? <Loading /> : null}
        <ActingFacility facilities={acting.facilities} value={acting.facility} onChange={acting.setFacility} />
        {needsDestination ? (
          <DestinationPicker
            types={destinationTypes(kind, viewer.organization.type)}
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
            {DECOMMISSION_REASONS.map((value) => (
              <option key={value} value={value}>
                {t(`movements.decommission.reasons.${value}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </Section>
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
