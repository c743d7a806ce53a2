import { useTranslation } from 'react-i18next';
import type { useDevicePlace } from '../location';

type DevicePlace = ReturnType<typeof useDevicePlace>;

/** "Include my location": asks the device only on this click; shows what will be sent. */
export function LocationControl({ place, showHint = true }: { place: DevicePlace; showHint?: boolean }) {
  const { t } = useTranslation();
  const { state } = place;
  return (
    <div className="location">
      {state.status === 'on' ? (
        <div className="location-on">
          <PinIcon />
          <span>{t('verify.location.on', { meters: Math.max(1, Math.round(state.place.accuracy)) })}</span>
          <button type="button" className="button button-quiet button-small" onClick={place.forget}>
            {t('verify.location.remove')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={place.locate}
          disabled={state.status === 'locating'}
        >
          <PinIcon />
          {state.status === 'locating' ? t('verify.location.locating') : t('verify.location.add')}
        </button>
      )}
      <p className="field-hint" role="status">
        {state.status === 'denied'
          ? t('verify.location.denied')
          : state.status === 'unavailable'
            ? t('verify.location.unavailable')
            : showHint && state.status !== 'on'
              ? t('verify.location.hint')
              : ''}
      </p>
    </div>
  );
}

function PinIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d="M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
      <circle cx="12" cy="10" r="2.3" fill="currentColor" />
    </svg>
  );
}
