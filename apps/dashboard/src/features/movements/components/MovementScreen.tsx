import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/providers';
import { useViewer } from '../../../app/viewer';
import type { FacilityType } from '../../../gql/graphql';
import { Loading, Page, QueryError, Section } from '../../../shared/ui';
import { ScanSession } from '../../scan-session/ScanSession';
import { useScanSession } from '../../scan-session/useScanSession';
import { sendActivationCsv, sendMovement, type MovementContext, type MovementKind } from '../send';
import { useActingFacility } from '../useActingFacility';
import { ActingFacility } from './ActingFacility';
import { DestinationPicker } from './DestinationPicker';

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
  const needsDestination = kind === 'ship' || kind === 'returnPacks';

  const context: MovementContext | null = !acting.loaded ? null : needsDestination && !to ? null : { facility: acting.facility, ...(needsDestination ? { to } : {}) };
  const scan = useScanSession<MovementContext>({
    storageKey: `jejak.scan.${viewer.id}.${kind}`,
    context,
    send: (codes, sent) => sendMovement(client, kind, codes, sent),
    sendCsv: kind === 'activate' ? (header, lines) => sendActivationCsv(session.token, header, lines, acting.facility || undefined) : undefined,
  });

  return (
    <Page title={t(`movements.${kind}.title`)} intro={t(`movements.${kind}.intro`)}>
      <Section title={t(needsDestination ? 'movements.where' : 'movements.place')} id={`${kind}-where`}>
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
      </Section>
      <Section title={t('movements.scanTitle')} id={`${kind}-scan`}>
        <ScanSession
          session={scan}
          notReady={needsDestination ? t('movements.destination.first') : undefined}
          csvMode={kind === 'activate' ? 'server' : 'codes'}
          csvHint={kind === 'activate' ? t('movements.activate.csvHint') : undefined}
          reportName={`jejak-${kind}-ditolak`}
          acceptedLabel={t(`movements.${kind}.accepted`)}
        />
      </Section>
    </Page>
  );
}
