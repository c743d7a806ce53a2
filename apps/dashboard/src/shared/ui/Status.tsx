import { useTranslation } from 'react-i18next';
import { errorMessage } from '../errors';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('app.loading')}
    </p>
  );
}

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed query: what went wrong, in words, and a way to try again. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorMessage(t, error)}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ children }: { children: string }) {
  return <p className="empty">{children}</p>;
}
