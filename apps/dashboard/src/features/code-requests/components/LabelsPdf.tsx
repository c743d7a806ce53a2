import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/providers';
import { currentLanguage } from '../../../shared/i18n';
import { errorMessage } from '../../../shared/errors';
import { formatNumber } from '../../../shared/number';
import { Alert, TextField } from '../../../shared/ui';
import { downloadLabelsPdf } from '../downloads';

interface LabelsPdfProps {
  requestId: string;
  /** Codes the request holds: positions run from 1 to this. */
  total: number;
  /** The symbol size chosen for the sheets, in cm. */
  size: number;
  fileName: string;
}

/**
 * Every label of the request, or a range of positions, as one PDF at the chosen size: the API
 * streams it, so 100,000 labels are one download rather than thousands of printed sheets.
 */
export function LabelsPdf({ requestId, total, size, fileName }: LabelsPdfProps) {
  const { t } = useTranslation();
  const session = useSession();
  const [scope, setScope] = useState<'all' | 'range'>('all');
  const [from, setFrom] = useState('1');
  const [to, setTo] = useState(String(total));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  function check(): { from: number; to: number } | null {
    const position = (text: string) => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : NaN);
    const start = position(from);
    const end = position(to);
    const found: typeof errors = {};
    if (!(start >= 1 && start <= total)) found.from = t('labelsPdf.position', { total: formatNumber(total) });
    if (!(end >= 1 && end <= total)) found.to = t('labelsPdf.position', { total: formatNumber(total) });
    else if (start <= total && end < start) found.to = t('labelsPdf.beforeFrom');
    setErrors(found);
    return found.from || found.to ? null : { from: start, to: end };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setDone(null);
    const range = scope === 'range' ? check() : { from: 1, to: total };
    if (!range) return;
    setBusy(true);
    try {
      const suffix = scope === 'range' ? `-${range.from}-${range.to}` : '';
      await downloadLabelsPdf(
        session.token,
        requestId,
        { size: String(size), lang: currentLanguage(), ...(scope === 'range' ? range : {}) },
        `${fileName}-${String(size).replace('.', ',')}cm${suffix}`,
      );
      setDone(t('labelsPdf.done', { count: range.to - range.from + 1, formatted: formatNumber(range.to - range.from + 1) }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="labels-pdf" noValidate onSubmit={(event) => void onSubmit(event)} aria-label={t('labelsPdf.title')}>
      <h2 className="subheading">{t('labelsPdf.title')}</h2>
      <fieldset>
        <legend className="visually-hidden">{t('labelsPdf.scope')}</legend>
        <label className="radio">
          <input type="radio" name="labels-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
          <span>{t('labelsPdf.all', { total: formatNumber(total) })}</span>
        </label>
        <label className="radio">
          <input type="radio" name="labels-scope" checked={scope === 'range'} onChange={() => setScope('range')} />
          <span>{t('labelsPdf.range')}</span>
        </label>
      </fieldset>
      {scope === 'range' ? (
        <div className="field-row">
          <TextField label={t('labelsPdf.from')} inputMode="numeric" value={from} onChange={(event) => setFrom(event.target.value)} error={errors.from} />
          <TextField label={t('labelsPdf.to')} inputMode="numeric" value={to} onChange={(event) => setTo(event.target.value)} error={errors.to} />
        </div>
      ) : null}
      <p className="field-hint">{t('labelsPdf.hint', { size: formatNumber(size) })}</p>
      {failure ? <Alert tone="error">{errorMessage(t, failure)}</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('labelsPdf.downloading') : t('labelsPdf.download')}
      </button>
    </form>
  );
}
