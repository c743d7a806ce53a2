import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecallClass } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { hasErrors, serverFieldErrors, useFocusFirstInvalid, type FieldErrors } from '../../../shared/forms';
import { Alert, QueryError, SelectField, TextAreaField, TextField, formatDate } from '../../../shared/ui';
import { ProductBatchesQuery, RecallBatchMutation, RecallProductsQuery } from '../recalls.graphql';

type Field = 'nie' | 'batch' | 'reason';
const CLASSES: readonly RecallClass[] = ['I', 'II', 'III'];

/**
 * Recalls a batch, picked from lists (a product from the register, then one of its batches) so
 * no typing mistake recalls the wrong one: from then on it cannot be dispensed, only sent back.
 */
export function StartRecallForm({ onStarted }: { onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [nie, setNie] = useState('');
  const [batch, setBatch] = useState('');
  const products = useQuery(RecallProductsQuery, { variables: { search: search.trim() || undefined } });
  const batches = useQuery(ProductBatchesQuery, { variables: { nie }, skip: !nie });
  const productOptions = products.data?.products ?? [];
  const batchOptions = nie ? (batches.data?.product?.batches ?? []) : [];
  const chosenProduct = productOptions.find((product) => product.nie === nie);
  const [recallClass, setRecallClass] = useState<RecallClass>('II');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [recallBatch, { loading, error }] = useMutation(RecallBatchMutation);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, errors);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    if (!nie.trim()) found.nie = t('form.required');
    if (!batch.trim()) found.batch = t('form.required');
    if (!reason.trim()) found.reason = t('form.required');
    setErrors(found);
    if (!hasErrors(found)) setConfirming(true);
  }

  async function onConfirm() {
    try {
      const result = await recallBatch({ variables: { nie: nie.trim(), batch: batch.trim(), reason: reason.trim(), class: recallClass } });
      setConfirming(false);
      setBatch('');
      setReason('');
      void batches.refetch();
      if (result.data) onStarted(result.data.recallBatch.id);
    } catch (failure) {
      setConfirming(false);
      setErrors(serverFieldErrors(t, failure, { nie: 'nie', batch: 'batch', reason: 'reason' }));
    }
  }

  return (
    <form ref={form} className="form" noValidate onSubmit={onSubmit}>
      {error ? <Alert tone="error">{errorMessage(t, error, { NOT_FOUND: 'recalls.errors.NOT_FOUND' })}</Alert> : null}
      <TextField label={t('recalls.form.search')} hint={t('recalls.form.searchHint')} type="search" name="search" autoComplete="off" value={search} onChange={(event) => setSearch(event.target.value)} />
      {products.error ? <QueryError error={products.error} onRetry={() => void products.refetch()} /> : null}
      <SelectField
        label={t('recalls.form.product')}
        name="nie"
        value={nie}
        aria-busy={products.loading}
        onChange={(event) => {
          setNie(event.target.value);
          setBatch('');
        }}
        error={errors.nie}
        hint={!products.loading && !productOptions.length ? t('recalls.form.noProducts') : undefined}
        required
      >
        <option value="">{t('recalls.form.chooseProduct')}</option>
        {/* The product chosen stays listed while another search is typed. */}
        {nie && !chosenProduct ? <option value={nie}>{nie}</option> : null}
        {productOptions.map((product) => (
          <option key={product.id} value={product.nie}>
            {[product.name, product.strength, product.nie].filter(Boolean).join(' · ')}
          </option>
        ))}
      </SelectField>
      {batches.error ? <QueryError error={batches.error} onRetry={() => void batches.refetch()} /> : null}
      <SelectField
        label={t('recalls.form.batch')}
        name="batch"
        value={batch}
        disabled={!nie}
        aria-busy={batches.loading}
        onChange={(event) => setBatch(event.target.value)}
        error={errors.batch}
        hint={nie && !batches.loading && !batchOptions.length ? t('recalls.form.noBatches') : undefined}
        required
      >
        <option value="">{nie ? t('recalls.form.chooseBatch') : t('recalls.form.productFirst')}</option>
        {batchOptions.map((option) => (
          <option key={option.lot} value={option.lot} disabled={option.recalled}>
            {option.recalled
              ? t('recalls.form.batchRecalled', { batch: option.lot, expiry: formatDate(option.expiry) })
              : t('recalls.form.batchOption', { batch: option.lot, expiry: formatDate(option.expiry) })}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('recalls.form.class')} name="class" value={recallClass} hint={t(`recalls.classHelp.${recallClass}`)} onChange={(event) => setRecallClass(event.target.value as RecallClass)}>
        {CLASSES.map((value) => (
          <option key={value} value={value}>
            {t('recalls.classLabel', { class: value })}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t('recalls.form.reason')} name="reason" rows={3} value={reason} onChange={(event) => setReason(event.target.value)} error={errors.reason} required />
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby="recall-confirm">
          <p id="recall-confirm">{t('recalls.form.confirm', { nie: nie.trim(), batch: batch.trim(), class: recallClass })}</p>
          <div className="button-row">
            <button type="button" className="button button-danger" disabled={loading} onClick={() => void onConfirm()} autoFocus>
              {loading ? t('recalls.form.submitting') : t('recalls.form.confirmYes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t('recalls.form.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="submit" className="button button-danger">
          {t('recalls.form.submit')}
        </button>
      )}
    </form>
  );
}
