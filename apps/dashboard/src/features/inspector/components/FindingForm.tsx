import { useMutation } from '@apollo/client/react';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/errors';
import { Alert, TextAreaField, formatBytes } from '../../../shared/ui';
import { preparePhoto, type PreparedPhoto } from '../../verify/photo';
import { AddInspectionFindingMutation } from '../inspections.graphql';

type PhotoState = { status: 'none' } | { status: 'processing' } | { status: 'ready'; photo: PreparedPhoto } | { status: 'unreadable' };

/** A finding in words with an optional photo, shrunk in the browser as the public page's reports are. */
export function FindingForm({ visitId, onSaved }: { visitId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [photo, setPhoto] = useState<PhotoState>({ status: 'none' });
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [add, { loading, error, reset }] = useMutation(AddInspectionFindingMutation);
  const photoInput = useRef<HTMLInputElement>(null);

  async function onPhoto(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setSaved(false);
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

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    reset();
    if (photo.status === 'processing') return;
    if (!text.trim()) {
      setFieldError(t('inspection.findingRequired'));
      return;
    }
    try {
      await add({ variables: { inspection: visitId, text: text.trim(), photo: photo.status === 'ready' ? photo.photo.dataUrl : null } });
      setText('');
      setPhoto({ status: 'none' });
      if (photoInput.current) photoInput.current.value = '';
      setSaved(true);
      onSaved();
    } catch {
      // Shown from `error`.
    }
  }

  return (
    <form className="form finding-form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <TextAreaField
        label={t('inspection.findingText')}
        hint={t('inspection.findingHint')}
        value={text}
        error={fieldError}
        rows={3}
        maxLength={2000}
        onChange={(event) => {
          setText(event.target.value);
          setFieldError(null);
          setSaved(false);
        }}
      />
      <div className="field">
        <label htmlFor={`finding-photo-${visitId}`}>{t('inspection.findingPhoto')}</label>
        <input id={`finding-photo-${visitId}`} ref={photoInput} type="file" accept="image/jpeg,image/png,image/webp" onChange={(event) => void onPhoto(event)} />
        <p className="field-hint" role="status">
          {photo.status === 'ready'
            ? t('inspection.findingPhotoReady', { size: formatBytes(photo.photo.bytes) })
            : photo.status === 'unreadable'
              ? t('inspection.findingPhotoUnreadable')
              : t('inspection.findingPhotoHint')}
        </p>
      </div>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {saved ? <p role="status">{t('inspection.findingSaved')}</p> : null}
      <button type="submit" className="button button-secondary" disabled={loading || photo.status === 'processing'}>
        {loading ? t('inspection.findingSaving') : t('inspection.findingSave')}
      </button>
    </form>
  );
}
