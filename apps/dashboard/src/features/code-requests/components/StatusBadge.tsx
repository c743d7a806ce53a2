import { useTranslation } from 'react-i18next';
import type { CodeRequestStatus } from '../../../gql/graphql';

const TONE: Record<CodeRequestStatus, string> = { REQUESTED: 'badge badge-warning', ISSUED: 'badge badge-ok', REJECTED: 'badge badge-danger' };

export function StatusBadge({ status }: { status: CodeRequestStatus }) {
  const { t } = useTranslation();
  return <span className={TONE[status]}>{t(`codeRequests.status.${status}`)}</span>;
}
