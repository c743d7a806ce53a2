import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraScanner, ScanInput, readScan, type ScanRead } from '../../../shared/scanner';

interface CodeEntryProps {
  onRead: (read: ScanRead) => void;
  /** Label of the camera button. */
  startLabel?: string;
  busy?: boolean;
  /**
   * Read one code after another (an inspection): the camera keeps scanning, the same code again
   * only after this many milliseconds, and the field empties after each code.
   */
  continuousMs?: number;
}

/** A code, typed (or from a USB scanner) or read by the camera. */
export function CodeEntry({ onRead, startLabel, busy, continuousMs }: CodeEntryProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(read: ScanRead) {
    setError(null);
    onRead(read);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!value.trim()) {
      setError(t('trace.codeRequired'));
      return;
    }
    submit(readScan(value, 'keyboard'));
    if (continuousMs !== undefined) setValue('');
  }

  return (
    <div className="code-entry">
      <form className="form code-entry-type" noValidate onSubmit={onSubmit}>
        <ScanInput
          label={t('trace.codeLabel')}
          hint={t('trace.codeHint')}
          name="code"
          autoComplete="off"
          spellCheck={false}
          value={value}
          error={error}
          onValueChange={(next) => {
            setValue(next);
            setError(null);
          }}
          onScan={submit}
          clearOnScan={continuousMs !== undefined}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('trace.submit')}
        </button>
      </form>
      <div className="code-entry-camera">
        {continuousMs === undefined ? (
          <CameraScanner mode="single" onRead={submit} startLabel={startLabel} />
        ) : (
          <CameraScanner mode="continuous" repeatAfterMs={continuousMs} onRead={submit} startLabel={startLabel} />
        )}
      </div>
    </div>
  );
}
