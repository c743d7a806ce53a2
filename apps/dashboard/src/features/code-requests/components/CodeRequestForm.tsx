import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BulkResultFieldsFragment } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { hasErrors, serverFieldErrors, useFocusFirstInvalid, type FieldErrors } from '../../../shared/forms';
import { Alert, SelectField, TextAreaField, TextField } from '../../../shared/ui';
import { ProductsQuery } from '../../products/products.graphql';
import { readCodes } from '../../scan-session/csv';
import { gtin14, gtinProblem } from '../../products/validation';
import { RequestCodesMutation, UploadSerialsMutation } from '../code-requests.graphql';
import { formatNumber } from '../../../shared/number';

type Field = 'nie' | 'batch' | 'expiry' | 'quantity' | 'unitsPerCase' | 'casesPerPallet' | 'gtin' | 'serials';
type Values = Record<Field, string>;
const EMPTY: Values = { nie: '', batch: '', expiry: '', quantity: '', unitsPerCase: '', casesPerPallet: '', gtin: '', serials: '' };

/** Serials come from BPOM on request, or from the manufacturer's own serialisation. */
type Mode = 'request' | 'upload';

/** AI (10) and AI (21): up to 20 characters of GS1's character set 82. */
const BATCH = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;
const SERIAL = BATCH;

/** The serials typed or read from a file: one per line, blank lines left out, a repeat counted once. */
const serialLines = (text: string) => [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];

/** Header names of a serials column in a CSV file. */
const SERIAL_COLUMNS = ['serial', 'serials', 'serialnumber', 'seri', 'nomorseri', 'noseri', 'sn', 'idkemasan'];
/** The units one request may ask for, as the API caps them (it also caps units, cases and pallets together). */
const MAX_QUANTITY = 2_000_000;

const whole = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN);

function check(t: TFunction, values: Values, mode: Mode): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  const gtin = gtinProblem(t, values.gtin);
  if (gtin) errors.gtin = gtin;
  if (!values.nie) errors.nie = t('codeRequests.form.chooseProduct');
  const batch = values.batch.trim();
  if (!batch) errors.batch = t('form.required');
  else if (batch.length > 20) errors.batch = t('codeRequests.errors.batchLength');
  else if (!BATCH.test(batch)) errors.batch = t('codeRequests.errors.batchCharset');
  if (!values.expiry) errors.expiry = t('form.required');
  else if (values.expiry <= new Date().toISOString().slice(0, 10)) errors.expiry = t('codeRequests.errors.expiryPast');
  if (mode === 'upload') {
    const serials = serialLines(values.serials);
    const bad = serials.findIndex((serial) => !SERIAL.test(serial));
    if (!serials.length) errors.serials = t('codeRequests.errors.serialsRequired');
    else if (bad >= 0) errors.serials = t('codeRequests.errors.serialBad', { serial: serials[bad]!.slice(0, 30) });
    return errors;
  }
  const quantity = whole(values.quantity);
  if (!values.quantity.trim()) errors.quantity = t('form.required');
  else if (!(quantity >= 1 && quantity <= MAX_QUANTITY)) errors.quantity = t('form.invalidNumber', { min: 1, max: formatNumber(MAX_QUANTITY) });
  const perCase = whole(values.unitsPerCase);
  if (values.unitsPerCase.trim() && !(perCase >= 1 && (!(quantity >= 1) || perCase <= quantity))) {
    errors.unitsPerCase = t('codeRequests.errors.unitsPerCase', { max: Number.isNaN(quantity) ? '–' : formatNumber(quantity) });
  }
  const perPallet = whole(values.casesPerPallet);
  if (values.casesPerPallet.trim()) {
    if (!values.unitsPerCase.trim()) errors.casesPerPallet = t('codeRequests.errors.palletNeedsCase');
    else if (!(perPallet >= 1)) errors.casesPerPallet = t('form.invalidNumber', { min: 1, max: formatNumber(MAX_QUANTITY) });
  }
  return errors;
}

/**
 * New codes for a batch: a request for serials (the seed's fields), or the manufacturer's own
 * serials registered at once; checked as they are typed.
 */
export function CodeRequestForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const products = useQuery(ProductsQuery, { variables: { first: 500 } });
  const [mode, setMode] = useState<Mode>('request');
  const [values, setValues] = useState<Values>(EMPTY);
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors<Field>>({});
  const [created, setCreated] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<{ batch: string; result: BulkResultFieldsFragment } | null>(null);
  const [request, requesting] = useMutation(RequestCodesMutation);
  const [upload, uploading] = useMutation(UploadSerialsMutation);
  const loading = requesting.loading || uploading.loading;
  const error = mode === 'request' ? requesting.error : uploading.error;
  const form = useRef<HTMLFormElement>(null);
  const [focusKey, setFocusKey] = useState({});
  useFocusFirstInvalid(form, focusKey);

  const errors = { ...check(t, values, mode), ...serverErrors };
  const shown = (field: Field) => ((submitted || touched[field]) && errors[field]) || null;
  const product = products.data?.products.find((candidate) => candidate.nie === values.nie);
  const quantity = whole(values.quantity);
  const perCase = whole(values.unitsPerCase);
  const perPallet = whole(values.casesPerPallet);
  const cases = quantity > 0 && perCase > 0 ? Math.ceil(quantity / perCase) : 0;
  const pallets = cases && perPallet > 0 ? Math.ceil(cases / perPallet) : 0;

  const set = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value, ...(field === 'nie' ? { gtin: products.data?.products.find((p) => p.nie === value)?.gtin ?? '' } : {}) }));
    setTouched((current) => ({ ...current, [field]: true }));
    setServerErrors({});
    setCreated(null);
    setUploaded(null);
  };

  async function readSerialsFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    // A CSV's serial column (or its first), unquoted; a plain list is read line by line the same way.
    if (file) set('serials', readCodes(await file.text(), SERIAL_COLUMNS).rows.map((row) => row.code).filter(Boolean).join('\n'));
  }

  async function submitUpload() {
    const batch = values.batch.trim();
    const result = await upload({
      variables: { input: { nie: values.nie, batch, expiry: values.expiry, gtin: gtin14(values.gtin), serials: serialLines(values.serials) } },
    });
    if (!result.data) throw new Error('No answer');
    setUploaded({ batch, result: result.data.uploadSerials });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    setCreated(null);
    setUploaded(null);
    if (hasErrors(check(t, values, mode))) {
      setFocusKey({});
      return;
    }
    try {
      if (mode === 'upload') {
        await submitUpload();
        // The batch stays for the next file of the same batch; the serials start empty.
        setValues((current) => ({ ...current, serials: '' }));
        setTouched({});
        setSubmitted(false);
        onCreated();
        return;
      }
      const result = await request({
        variables: {
          input: {
            nie: values.nie,
            batch: values.batch.trim(),
            expiry: values.expiry,
            quantity,
            unitsPerCase: values.unitsPerCase.trim() ? perCase : undefined,
            casesPerPallet: values.casesPerPallet.trim() ? perPallet : undefined,
            gtin: gtin14(values.gtin),
          },
        },
      });
      setCreated(result.data?.requestCodes.batch ?? values.batch);
      setValues(EMPTY);
      setTouched({});
      setSubmitted(false);
      onCreated();
    } catch (failure) {
      setServerErrors(
        serverFieldErrors(t, failure, {
          nie: 'nie',
          batch: 'batch',
          expiry: 'expiry',
          quantity: 'quantity',
          unitsPerCase: 'unitsPerCase',
          casesPerPallet: 'casesPerPallet',
          gtin: 'gtin',
          serials: 'serials',
        }),
      );
      setFocusKey({});
    }
  }

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <fieldset className="choice-group">
        <legend>{t('codeRequests.form.mode.label')}</legend>
        {(['request', 'upload'] as const).map((value) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name="code-source"
              value={value}
              checked={mode === value}
              disabled={loading}
              onChange={() => {
                setMode(value);
                setSubmitted(false);
                setServerErrors({});
                setCreated(null);
                setUploaded(null);
                requesting.reset();
                uploading.reset();
              }}
            />
            <span>{t(`codeRequests.form.mode.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      {created ? <Alert tone="success">{t('codeRequests.form.created', { batch: created })}</Alert> : null}
      {uploaded ? <UploadOutcome batch={uploaded.batch} result={uploaded.result} /> : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      <SelectField label={t('codeRequests.field.product')} value={values.nie} onChange={(event) => set('nie', event.target.value)} error={shown('nie')}>
        <option value="">{products.loading ? t('app.loading') : t('codeRequests.form.chooseProduct')}</option>
        {(products.data?.products ?? []).map((option) => (
          <option key={option.id} value={option.nie}>
            {option.name} · {option.nie}
          </option>
        ))}
      </SelectField>
      {product && !product.serialised ? <Alert tone="warning">{t('codeRequests.form.notSerialised')}</Alert> : null}
      <div className="field-row">
        <TextField label={t('codeRequests.field.batch')} hint={t('codeRequests.form.batchHint')} value={values.batch} onChange={(event) => set('batch', event.target.value)} error={shown('batch')} required autoComplete="off" />
        <TextField label={t('codeRequests.field.expiry')} type="date" value={values.expiry} onChange={(event) => set('expiry', event.target.value)} error={shown('expiry')} required />
      </div>
      {mode === 'request' ? (
        <div className="field-row">
          <TextField label={t('codeRequests.field.quantity')} inputMode="numeric" value={values.quantity} onChange={(event) => set('quantity', event.target.value)} error={shown('quantity')} required />
          <TextField
            label={t('codeRequests.field.unitsPerCase')}
            inputMode="numeric"
            value={values.unitsPerCase}
            onChange={(event) => set('unitsPerCase', event.target.value)}
            error={shown('unitsPerCase')}
            optional
          />
          <TextField
            label={t('codeRequests.field.casesPerPallet')}
            inputMode="numeric"
            value={values.casesPerPallet}
            onChange={(event) => set('casesPerPallet', event.target.value)}
            error={shown('casesPerPallet')}
            optional
          />
        </div>
      ) : (
        <>
          <TextAreaField
            label={t('codeRequests.field.serials')}
            hint={t('codeRequests.form.serialsHint', { count: serialLines(values.serials).length })}
            rows={6}
            value={values.serials}
            onChange={(event) => set('serials', event.target.value)}
            error={shown('serials')}
            spellCheck={false}
          />
          <div className="field">
            <label htmlFor="serials-file">{t('codeRequests.form.serialsFile')}</label>
            <input id="serials-file" type="file" accept=".txt,.csv,text/plain,text/csv" onChange={(event) => void readSerialsFile(event)} />
          </div>
        </>
      )}
      <TextField label={t('codeRequests.field.gtin')} hint={t('products.form.gtinHint')} inputMode="numeric" value={values.gtin} onChange={(event) => set('gtin', event.target.value)} error={shown('gtin')} optional />
      {mode === 'request' && quantity > 0 ? (
        <p className="form-summary" role="status">
          {t('codeRequests.form.summary', { units: formatNumber(quantity), cases: formatNumber(cases), pallets: formatNumber(pallets) })}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('codeRequests.form.submitting') : t(mode === 'request' ? 'codeRequests.form.submit' : 'codeRequests.form.uploadSubmit')}
      </button>
    </form>
  );
}

/** What became of uploaded serials: how many were registered, and each refused one with why. */
function UploadOutcome({ batch, result }: { batch: string; result: BulkResultFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <Alert tone={result.rejected.length ? 'warning' : 'success'}>
      <p>{t('codeRequests.form.uploaded', { count: result.accepted, batch })}</p>
      {result.rejected.length ? (
        <>
          <p>{t('codeRequests.form.refused', { count: result.rejected.length })}</p>
          <ul className="upload-refused">
            {result.rejected.slice(0, 50).map((rejection) => (
              <li key={rejection.code}>
                <code>{rejection.code}</code>: {t(rejection.reason === 'WRONG_STATE' ? 'codeRequests.form.serialTaken' : `rejection.${rejection.reason}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Alert>
  );
}
