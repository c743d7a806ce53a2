import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewer } from '../../../app/viewer';
import { formatNumber } from '../../../shared/number';
import { isHolder, unitsToPull } from '../pull';
import { HeldRecallsQuery } from '../recalls.graphql';

/** How many recalls the banner names; the rest are on the recalls list. */
const SHOWN = 3;
const POLL_MS = 5 * 60_000;

/**
 * Above every screen of a distributor, pharmacy, hospital or Puskesmas: each open recall of a
 * batch it still holds, with how many units and a link to what to pull.
 */
export function RecallBanner() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const holder = isHolder(viewer.organization.type);
  const { data } = useQuery(HeldRecallsQuery, { skip: !holder, pollInterval: POLL_MS, fetchPolicy: 'cache-and-network' });
  if (!holder || !data) return null;
  const open = data.recalls.map((recall) => ({ recall, units: unitsToPull(recall.pullList) })).filter(({ recall, units }) => recall.status === 'OPEN' && units > 0);
  if (!open.length) return null;
  return (
    <section className="recall-banner no-print" role="region" aria-label={t('pullLists.bannerLabel')}>
      <ul>
        {open.slice(0, SHOWN).map(({ recall, units }) => (
          <li key={recall.id}>
            <strong>
              {recall.class
                ? t('pullLists.bannerTitleClass', { product: recall.productName, batch: recall.batch, class: recall.class })
                : t('pullLists.bannerTitle', { product: recall.productName, batch: recall.batch })}
            </strong>{' '}
            <span>{t('pullLists.bannerText', { count: units, units: formatNumber(units) })}</span>{' '}
            <Link to={`/pull-lists/${encodeURIComponent(recall.id)}`}>{t('pullLists.bannerLink', { batch: recall.batch })}</Link>
          </li>
        ))}
      </ul>
      {open.length > SHOWN ? (
        <p>
          <Link to="/pull-lists">{t('pullLists.bannerMore', { count: open.length - SHOWN })}</Link>
        </p>
      ) : null}
    </section>
  );
}
