import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/errors';
import { Alert, TextAreaField } from '../../../shared/ui';
import { ApproveCodeRequestMutation, RejectCodeRequestMutation } from '../approvals.graphql';

interface RequestDecisionProps {
  id: string;
  /** For the buttons' accessible names: "Setujui permintaan Amlodipin bets X". */
  subject: string;
  onDecided: (decision: 'ISSUED' | 'REJECTED') => void;
}

/** Approve (issues the serials) or reject with a reason; the reason is asked for in place. */
export function RequestDecision({ id, subject, onDecided }: RequestDecisionProps) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [approve, approval] = useMutation(ApproveCodeRequestMutation);
  const [reject, rejection] = useMutation(RejectCodeRequestMutation);
  const busy = approval.loading || rejection.loading;
  const failure = approval.error ?? rejection.error;

  async function onApprove() {
    try {
      await approve({ variables: { id } });
      onDecided('ISSUED');
    } catch {
      // Shown below.
    }
  }

  async function onReject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('approvals.reasonRequired'));
      return;
    }
    try {
      await reject({ variables: { id, reason: reason.trim() } });
      onDecided('REJECTED');
    } catch {
      // Shown below.
    }
  }

  return (
    <div className="decision">
      {failure ? <Alert tone="error">{errorMessage(t, failure, { CONFLICT: 'approvals.errors.CONFLICT' })}</Alert> : null}
      {rejecting ? (
        <form className="form decision-reject" noValidate onSubmit={(event) => void onReject(event)}>
          <TextAreaField
            label={t('approvals.rejectReason')}
            rows={2}
            value={reason}
            autoFocus
            onChange={(event) => setReason(event.target.value)}
            error={reasonError}
            required
          />
          <div className="button-row">
            <button type="submit" className="button button-danger button-small" disabled={busy}>
              {rejection.loading ? t('approvals.rejecting') : t('approvals.confirmReject')}
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setRejecting(false)}>
              {t('approvals.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <button type="button" className="button button-primary button-small" disabled={busy} aria-label={t('approvals.approveLabel', { subject })} onClick={() => void onApprove()}>
            {approval.loading ? t('approvals.approving') : t('approvals.approve')}
          </button>
          <button type="button" className="button button-secondary button-small" disabled={busy} aria-label={t('approvals.rejectLabel', { subject })} onClick={() => setRejecting(true)}>
            {t('approvals.reject')}
          </button>
        </div>
      )}
    </div>
  );
}
