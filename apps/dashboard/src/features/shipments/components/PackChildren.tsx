import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/number';
import { QueryError } from '../../../shared/ui';
import { PackChildrenQuery } from '../shipments.graphql';

/**
 * A case's or pallet's contents, asked for when opened: each pack inside with where it is, a
 * case inside a pallet opening in turn, down to the units.
 */
export function PackChildren({ code, units }: { code: string; units: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="pack-children" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('shipments.showInside', { count: units, units: formatNumber(units) })}</summary>
      {open ? <Children code={code} /> : null}
    </details>
  );
}

function Children({ code }: { code: string }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(PackChildrenQuery, { variables: { code } });
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <p className="field-hint">{t('app.loading')}</p>;
  const { pack, children } = data.trace;
  return (
    <>
      <ul className="pack-children-list" aria-label={t('shipments.insideOf', { code })}>
        {children.map((child) => (
          <li key={child.id}>
            <code className="code-wrap">{child.code}</code> <span className="badge badge-muted">{t(`movements.level.${child.level}`)}</span>{' '}
            <span className="muted">{t(`verify.packStatus.${child.status}`)}</span>
            {child.level !== 'UNIT' && child.childCount ? <PackChildren code={child.code} units={child.childCount} /> : null}
          </li>
        ))}
      </ul>
      {pack.childCount > children.length ? <p className="field-hint">{t('shipments.moreInside', { count: pack.childCount - children.length })}</p> : null}
    </>
  );
}
