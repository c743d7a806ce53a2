import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/providers';
import { errorCodeOf, errorMessage } from '../../../shared/errors';
import { checkProof, fetchProof, type EventProof, type ProofCheck, type PublishedDay } from '../proof';

type State =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'done'; proof: EventProof; day: PublishedDay; check: ProofCheck }
  | { step: 'pending' }
  | { step: 'failed'; message: string };

/** Saves the proof as the file the standalone verifier reads. */
function download(proof: EventProof) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(proof, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `jejak-proof-${proof.eventId}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * "Proof" on a trace event: fetches the event's proof of inclusion and its day's published root,
 * checks both in the browser (the same steps as scripts/verify-ledger-proof.mjs), says the result,
 * and offers the proof as a file for anyone to check on their own.
 */
export function ProofButton({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const [state, setState] = useState<State>({ step: 'idle' });

  async function prove() {
    setState({ step: 'checking' });
    try {
      const { proof, day } = await fetchProof(session.token, eventId);
      setState({ step: 'done', proof, day, check: await checkProof(proof, day, eventId) });
    } catch (error) {
      if (errorCodeOf(error) === 'CONFLICT') setState({ step: 'pending' });
      else setState({ step: 'failed', message: errorMessage(t, error) });
    }
  }

  return (
    <div className="proof">
      <button type="button" className="button button-secondary button-small" onClick={() => void prove()} disabled={state.step === 'checking'}>
        {state.step === 'checking' ? t('ledger.proof.checking') : t('ledger.proof.button')}
      </button>
      <div role="status" className="proof-result">
        {state.step === 'pending' ? <p>{t('ledger.proof.pending')}</p> : null}
        {state.step === 'failed' ? <p className="field-error">{state.message}</p> : null}
        {state.step === 'done' ? (
          <>
            <p className={state.check.ok ? 'proof-ok' : 'error-text'}>
              {state.check.ok
                ? t('ledger.proof.ok', { day: state.day.day, leaf: state.proof.leafIndex + 1, events: state.day.events })
                : t(`ledger.proof.failure.${state.check.failure}`)}
            </p>
            <p className="proof-meta">
              {t('ledger.proof.root')} <code title={state.day.root}>{state.day.root.slice(0, 16)}…</code> · {t('ledger.proof.key')} <code>{state.day.keyId}</code>
            </p>
            <button type="button" className="button button-quiet button-small" onClick={() => download(state.proof)}>
              {t('ledger.proof.download')}
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}
