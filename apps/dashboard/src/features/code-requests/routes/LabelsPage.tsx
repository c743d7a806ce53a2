import { useQuery } from '@apollo/client/react';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, Page, QueryError, SelectField } from '../../../shared/ui';
import '../../../shared/work.css';
import { CodeRequestQuery } from '../code-requests.graphql';
import { DataMatrixLabel } from '../components/DataMatrixLabel';
import { LabelsPdf } from '../components/LabelsPdf';
import { formatNumber } from '../../../shared/number';

/** Symbol sizes offered, in centimetres; 0.6 cm is the smallest a pack may carry. */
const SIZES = [0.6, 0.8, 1, 1.2, 1.5] as const;
/** Labels per sheet, by symbol size (an A4 page with 10 mm margins). */
const PER_SHEET: Record<(typeof SIZES)[number], number> = { 0.6: 60, 0.8: 48, 1: 40, 1.2: 32, 1.5: 24 };

/** A printable A4 sheet of GS1 DataMatrix labels with the human-readable text, a page of codes at a time. */
export function LabelsPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const [size, setSize] = useState<(typeof SIZES)[number]>(1);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const perSheet = PER_SHEET[size];
  const after = cursors[cursors.length - 1] ?? undefined;
  const { data, error, refetch } = useQuery(CodeRequestQuery, { variables: { id, first: perSheet, after } });
  const request = data?.codeRequest;

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  if (!request) return <Page title={t('codeRequests.detail.notFound')}>{null}</Page>;

  const codes = request.codes;
  const from = (cursors.length - 1) * perSheet + 1;
  return (
    <Page title={t('labels.title', { name: request.product.name, batch: request.batch })} intro={t('labels.intro')}>
      <div className="no-print labels-tools">
        <Link to={`/code-requests/${request.id}`}>{t('labels.back')}</Link>
        <div className="filters filters-inline">
          <SelectField
            label={t('labels.size')}
            value={String(size)}
            onChange={(event) => {
              setSize(Number(event.target.value) as (typeof SIZES)[number]);
              setCursors([null]);
            }}
          >
            {SIZES.map((value) => (
              <option key={value} value={value}>
                {t('labels.sizeCm', { size: formatNumber(value) })}
              </option>
            ))}
          </SelectField>
        </div>
        <p role="status">{t('labels.sheet', { from: formatNumber(from), to: formatNumber(from + codes.edges.length - 1), total: formatNumber(codes.totalCount) })}</p>
        <div className="button-row">
          <button type="button" className="button button-secondary" disabled={cursors.length < 2} onClick={() => setCursors((current) => current.slice(0, -1))}>
            {t('labels.previous')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={!codes.pageInfo.hasNextPage}
            onClick={() => setCursors((current) => [...current, codes.pageInfo.endCursor ?? null])}
          >
            {t('labels.next')}
          </button>
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            {t('labels.print')}
          </button>
        </div>
        <LabelsPdf key={codes.totalCount} requestId={request.id} total={codes.totalCount} size={size} fileName={`label-${request.product.nie}-${request.batch}`} />
      </div>
      <div className="label-sheet" style={{ '--symbol-size': `${size}cm` } as CSSProperties}>
        {codes.edges.map(({ node }) => (
          <DataMatrixLabel key={node.text} text={node.text} caption={node.level === 'UNIT' ? undefined : t(`movements.level.${node.level}`)} />
        ))}
      </div>
    </Page>
  );
}
