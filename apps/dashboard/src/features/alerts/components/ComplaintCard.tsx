import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/ui';
import { useComplaintPhoto } from '../photo';

interface ComplaintLike {
  id: string;
  description?: string | null;
  hasPhoto: boolean;
  createdAt: string;
  latitude?: number | null;
  longitude?: number | null;
}

/** A report from the public: what they wrote, where, and their photo. */
export function ComplaintCard({ complaint }: { complaint: ComplaintLike }) {
  const { t } = useTranslation();
  const photo = useComplaintPhoto(complaint.id, complaint.hasPhoto);
  return (
    <article className="complaint" aria-label={t('alerts.complaintLabel', { time: formatDateTime(complaint.createdAt) })}>
      <p className="complaint-meta">
        {formatDateTime(complaint.createdAt)}
        {complaint.latitude != null && complaint.longitude != null ? (
          <>
            {' · '}
            <a href={`https://www.openstreetmap.org/?mlat=${complaint.latitude}&mlon=${complaint.longitude}#map=15/${complaint.latitude}/${complaint.longitude}`} target="_blank" rel="noreferrer">
              {t('alerts.place', { lat: complaint.latitude.toFixed(4), lon: complaint.longitude.toFixed(4) })}
            </a>
          </>
        ) : null}
      </p>
      <p>{complaint.description || <span className="muted">{t('alerts.noDescription')}</span>}</p>
      {photo?.kind === 'ready' ? (
        <a href={photo.url} target="_blank" rel="noreferrer" className="complaint-photo">
          <img src={photo.url} alt={t('alerts.photoAlt')} />
        </a>
      ) : photo?.kind === 'loading' ? (
        <p className="muted">{t('alerts.photoLoading')}</p>
      ) : photo?.kind === 'failed' ? (
        <p className="muted">{t('alerts.photoFailed')}</p>
      ) : null}
    </article>
  );
}
