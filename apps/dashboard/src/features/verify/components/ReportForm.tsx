import { useMutation } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/errors';
import { Alert, TextAreaField, formatBytes } from '../../../shared/ui';
import type { useDevicePlace } from '../location';
import { preparePhoto, type PreparedPhoto } from '../photo';
import { ReportSuspectMutation } from '../verify.graphql';
import { LocationControl } from './LocationControl';

interface ReportFormProps {
  /** The code as checked. */
  code: string;
  /** How the code is shown. */
  codeLabel: string;
  place: ReturnType<typeof useDevicePlace>;
  /** Open from the start, e.g. for a suspect pack. */
  prominent?: boolean;
}

type PhotoState =
  | { status: 'none' }
  | { status: 'processing' }
  | { status: 'ready'; photo: PreparedPhoto }
  | { status: 'unreadable' };

/** "Laporkan masalah": a description, an optional photo (shrunk in the browser) and the place. */
export function ReportForm({ code, codeLabel, place, prominent = false }: ReportFormProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState('');
  const [photo, setPhoto] = useState<PhotoState>({ status: 'none' });
  const [fileName, setFileName] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [report, { data, loading, error }] = useMutation(ReportSuspectMutation);
  const photoInput = useRef<HTMLInputElement>(null);
  const descriptionBox = useRef<HTMLDivElement>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const photoId = useId();
  const sent = data?.reportSuspect;

  useEffect(() => {
    if (open && !sent) descriptionBox.current?.querySelector('textarea')?.focus();
  }, [open, sent]);

  useEffect(() => {
    if (sent) confirmation.current?.focus();
  }, [sent]);

  async function onPhoto(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFormError(null);
    setFileName(file?.name ?? null);
    if (!file) {
      setPhoto({ status: 'none' });
      return;
    }
    setPhoto({ status: 'processing' });
    try {
      setPhoto({ status: 'ready', photo: await preparePhoto(file) });
    } catch {
      setPhoto({ status: 'unreadable' });
    }
  }

  function removePhoto() {
    setPhoto({ status: 'none' });
    setFileName(null);
    if (photoInput.current) photoInput.current.value = '';
    photoInput.current?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (photo.status === 'processing') return;
    const text = description.trim();
    const photoUrl = photo.status === 'ready' ? photo.photo.dataUrl : null;
    if (!text && !photoUrl) {
      setFormError(t('verify.report.needSomething'));
      descriptionBox.current?.querySelector('textarea')?.focus();
      return;
    }
    setFormError(null);
    try {
      await report({
        variables: {
          code,
          description: text || null,
          photo: photoUrl,
          latitude: place.place?.latitude ?? null,
          longitude: place.place?.longitude ?? null,
        },
      });
    } catch {
      // Shown from `error` below.
    }
  }

  if (sent) {
    return (
      <section className="panel report" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('verify.report.title')}</h2>
        <div ref={confirmation} tabIndex={-1} className="report-sent">
          <Alert tone="success" title={t('verify.report.sent')}>
            <p>{t('verify.report.reference', { id: sent.id.slice(0, 8).toUpperCase() })}</p>
            {sent.hasPhoto ? <p>{t('verify.report.withPhoto')}</p> : null}
            {sent.alertId ? <p>{t('verify.report.linked')}</p> : null}
          </Alert>
        </div>
      </section>
    );
  }

  return (
    <section className={prominent ? 'panel report report-prominent' : 'panel report'} aria-labelledby={titleId}>
      <h2 id={titleId}>{t('verify.report.title')}</h2>
      <p className="page-intro">{t('verify.report.intro')}</p>
      {!open ? (
        <button
          type="button"
          className={prominent ? 'button button-danger' : 'button button-secondary'}
          onClick={() => setOpen(true)}
          aria-expanded={false}
        >
          {t('verify.report.open')}
        </button>
      ) : (
        <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
          <dl className="report-code">
            <dt>{t('verify.report.code')}</dt>
            <dd>
              <code>{codeLabel}</code>
            </dd>
          </dl>
          <div ref={descriptionBox}>
            <TextAreaField
              label={t('verify.report.description')}
              hint={t('verify.report.descriptionHint')}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              rows={4}
              maxLength={4000}
              error={formError}
              optional
            />
          </div>
          <div className="field">
            <label htmlFor={photoId}>
              {t('verify.report.photo')}
              <span className="field-optional"> ({t('form.optional')})</span>
            </label>
            <div className="file-picker">
              <input
                ref={photoInput}
                id={photoId}
                type="file"
                accept="image/jpeg,image/png,image/webp,image/*"
                onChange={(event) => void onPhoto(event)}
                aria-describedby={`${photoId}-hint`}
              />
              <label htmlFor={photoId} className="button button-secondary button-small">
                {photo.status === 'ready' ? t('verify.report.photoChange') : t('verify.report.photoChoose')}
              </label>
              {fileName ? <span className="file-name">{fileName}</span> : null}
            </div>
            <p className="field-hint" id={`${photoId}-hint`}>
              {t('verify.report.photoHint')}
            </p>
            <div role="status" className="photo-status">
              {photo.status === 'processing' ? <p>{t('verify.report.photoProcessing')}</p> : null}
              {photo.status === 'unreadable' ? <p className="field-error">{t('verify.report.photoUnreadable')}</p> : null}
              {photo.status === 'ready' ? (
                <div className="photo-ready">
                  <img src={photo.photo.dataUrl} alt={t('verify.report.photoPreview')} />
                  <div>
                    <p>{t('verify.report.photoReady', { size: formatBytes(photo.photo.bytes) })}</p>
                    <button type="button" className="button button-quiet button-small" onClick={removePhoto}>
                      {t('verify.report.photoRemove')}
                    </button>
                  </div>
                </div>
              ) : null}
            </div>
          </div>
          <fieldset>
            <legend>{t('verify.report.place')}</legend>
            <LocationControl place={place} />
          </fieldset>
          {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={loading || photo.status === 'processing'}>
              {loading ? t('verify.report.submitting') : t('verify.report.submit')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              {t('verify.report.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
