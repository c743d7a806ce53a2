import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecallClass } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { hasErrors, serverFieldErrors, useFocusFirstInvalid, type FieldErrors } from '../../../shared/forms';
import { Alert, SelectField, TextAreaField, TextField } from '../../../shared/ui';
import { RecallBatchMutation } from '../recalls.graphql';

type Field = 'nie' | 'batch' | 'reason';
const CLASSES: readonly RecallClass[] = ['I', 'II', 'III'];

/** Recalls a batch: from then on it cannot be dispensed, only sent back. */
export function StartRecallForm({ onStarted }: { onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const [nie, setNie] = useState('');
  const [batch, setBatch] = useState('');
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
      setNie('');
      setBatch('');
      setReason('');
      if (result.data) onStarted(result.data.recallBatch.id);
    } catch (failure) {
      setConfirming(false);
      setErrors(serverFieldErrors(t, failure, { nie: 'nie', batch: 'batch', reason: 'reason' }));
    }
  }

  return (
    <form ref={form} className="form" noValidate onSubmit={onSubmit}>
      {error ? <Alert tone="error">{errorMessage(t, error, { NOT_FOUND: 'recalls.errors.NOT_FOUND' })}</Alert> : null}
      <TextField label={t('recalls.form.nie')} name="nie" autoComplete="off" spellCheck={false} value={nie} onChange={(event) => setNie(event.target.value)} error={errors.nie} required />
      <TextField label={t('recalls.form.batch')} name="batch" autoComplete="off" spellCheck={false} value={batch} onChange={(event) => setBatch(event.target.value)} error={errors.batch} required />
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
