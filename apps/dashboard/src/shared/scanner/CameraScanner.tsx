import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Alert } from '../ui';
import { useCameraScanner, type CameraScannerOptions, type CameraStatus } from './useCameraScanner';

type CameraScannerProps = CameraScannerOptions & {
  /** Label of the start button; default "Nyalakan kamera". */
  startLabel?: string;
};

const PROBLEMS: Partial<Record<CameraStatus, ParseKeys>> = {
  denied: 'scanner.denied',
  'no-camera': 'scanner.noCamera',
  unsupported: 'scanner.unsupported',
  busy: 'scanner.busy',
  failed: 'scanner.failed',
};

/**
 * A camera viewfinder with its start/stop button and what the camera is doing, in words.
 * Each read goes to `onRead` (see `useCameraScanner` for the modes).
 */
export function CameraScanner({ startLabel, ...options }: CameraScannerProps) {
  const { t } = useTranslation();
  const scanner = useCameraScanner(options);
  const { status, active } = scanner;
  const problem = PROBLEMS[status];

  return (
    <div className="scanner">
      <div className="scanner-view" hidden={!active}>
        <video ref={scanner.videoRef} muted playsInline aria-label={t('scanner.preview')} />
        <span className="scanner-frame" aria-hidden="true" />
      </div>
      <p className="scanner-status" role="status">
        {status === 'starting' ? t('scanner.starting') : status === 'scanning' ? t('scanner.scanning') : ''}
      </p>
      {problem ? <Alert tone="warning">{t(problem)}</Alert> : null}
      <button
        type="button"
        className={active ? 'button button-secondary' : 'button button-primary'}
        onClick={active ? scanner.stop : () => void scanner.start()}
      >
        <CameraIcon />
        {active ? t('scanner.stop') : (startLabel ?? t('scanner.start'))}
      </button>
    </div>
  );
}

function CameraIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M4 8.5A1.5 1.5 0 0 1 5.5 7h2l1.2-2h6.6l1.2 2h2A1.5 1.5 0 0 1 20 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 17.5z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
      <circle cx="12" cy="13" r="3.2" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}
