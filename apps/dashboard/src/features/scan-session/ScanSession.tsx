import { parse } from '@jejak/gs1';
import { useMemo, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RejectionReason, RejectionRule } from '../../gql/graphql';
import { ERROR_MESSAGES } from '../../shared/errors';
import { CameraScanner, ScanInput, displayCode, type ScanRead } from '../../shared/scanner';
import { Alert, TextAreaField } from '../../shared/ui';
import { codeProblem } from '../verify/problems';
import '../../shared/work.css';
import { readCodesFile, saveFile, toCsv } from './csv';
import type { ItemState, ScanItem, ScanSessionState } from './useScanSession';

interface ScanSessionProps {
  session: ScanSessionState;
  /** Why nothing can be read yet (e.g. no destination chosen); inputs are disabled meanwhile. */
  notReady?: string;
  /** `server`: files go to the API as they are (activation's 13 columns); `codes`: their codes join the list. */
  csvMode?: 'codes' | 'server';
  /** A hint under the file picker: what the file holds. */
  csvHint?: string;
  /** The name of the report of refused rows, without extension. */
  reportName: string;
  /** What an accepted read means here, e.g. "Diaktivasi". */
  acceptedLabel: string;
  /** Above the inputs, e.g. the parent being filled. */
  children?: ReactNode;
  /** More to say on each line, e.g. the shipment and destination it went into. */
  describe?: (item: ScanItem) => string | null;
  /** Sees each camera or keyboard read first; true when it handled the read (nothing is added). */
  onRead?: (read: ScanRead) => boolean;
  /** First among the list's buttons, e.g. sending a list collected without automatic sending. */
  actions?: ReactNode;
}

/** How many reads the list shows; the counts and the report cover them all. */
const SHOWN = 200;

/**
 * Where codes are read on every movement screen: the webcam (continuous), a USB scanner or the
 * keyboard, pasted lines and CSV files. Each read is checked at once in the browser and sent in
 * batches by `useScanSession`; its answer appears on its line, in colour and in words.
 */
export function ScanSession({ session, notReady, csvMode = 'codes', csvHint, reportName, acceptedLabel, children, describe, onRead: intercept, actions }: ScanSessionProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [pasted, setPasted] = useState('');
  const [notice, setNotice] = useState('');
  const [fileError, setFileError] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const disabled = !session.ready;

  function onRead(read: ScanRead, source: 'camera' | 'keyboard') {
    if (intercept?.(read)) return;
    const outcome = session.add(read, source);
    // Echoed as it was read: bracketed only when it reads as a code (a typed "12345" stays "12345").
    const code = displayCode(read);
    // Each attempt says only how it went: an earlier file's error does not stay beside it.
    setFileError('');
    if (outcome === 'duplicate') setNotice(t('scanSession.duplicate', { code }));
    else if (outcome === 'invalid') setNotice(t('scanSession.invalidRead', { code }));
    else if (outcome === 'added') setNotice(t('scanSession.added', { code }));
  }

  async function onPaste() {
    const lines = pasted.split(/\r?\n/).filter((line) => line.trim());
    if (!lines.length) return;
    setNotice('');
    setFileError('');
    setPasted('');
    const result = await session.addMany(lines.map((text) => ({ text })), 'paste');
    setNotice(t('scanSession.pasted', { added: result.added, invalid: result.invalid, duplicates: result.duplicates }));
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    setFileError('');
    setNotice('');
    if (!file) return;
    const text = await file.text();
    const { header, rows } = readCodesFile(file.name, text);
    if (!rows.length) {
      setFileError(t('scanSession.fileEmpty'));
      return;
    }
    if (csvMode === 'server') {
      if (!header) {
        setFileError(t('scanSession.fileNoHeader'));
        return;
      }
      session.addCsvRows(header, rows);
      setNotice(t('scanSession.fileRead', { count: rows.length, name: file.name }));
    } else {
      const result = await session.addMany(rows.map((entry) => ({ text: entry.code, row: entry.row })), 'csv');
      setNotice(t('scanSession.pasted', { added: result.added, invalid: result.invalid, duplicates: result.duplicates }));
    }
  }

  const refused = session.items.filter((item) => item.state === 'rejected' || item.state === 'invalid' || item.state === 'failed');

  function downloadReport() {
    const rows = refused.map((item) => [item.row ?? '', item.code, item.reason ?? (item.state === 'invalid' ? 'MALFORMED' : (item.error ?? '')), outcomeText(t, item, acceptedLabel, true)]);
    saveFile(`${reportName}.csv`, toCsv([[t('scanSession.report.row'), t('scanSession.report.code'), t('scanSession.report.reason'), t('scanSession.report.message')], ...rows]));
  }

  const fileItems = session.items.filter((item) => item.source === 'csv');
  const fileDone = fileItems.filter((item) => item.state !== 'queued' && item.state !== 'sending').length;
  const shown = useMemo(() => session.items.slice(-SHOWN).reverse(), [session.items]);
  const { counts } = session;
  const waiting = counts.queued + counts.sending;

  return (
    <div className="scan-session">
      <ConnectionStatus session={session} waiting={waiting} />
      {children}
      {disabled && notReady ? <Alert tone="info">{notReady}</Alert> : null}

      <div className="scan-inputs">
        <div className="scan-camera">
          <h3>{t('scanSession.camera')}</h3>
          {disabled ? (
            <p className="field-hint">{t('scanSession.cameraWaits')}</p>
          ) : (
            <CameraScanner mode="continuous" onRead={(read) => onRead(read, 'camera')} />
          )}
        </div>
        <div className="scan-typed">
          <ScanInput
            label={t('scanSession.codeLabel')}
            hint={t('scanSession.codeHint')}
            value={typed}
            onValueChange={setTyped}
            onScan={(read) => onRead(read, 'keyboard')}
            clearOnScan
            disabled={disabled}
          />
          <details className="scan-more">
            <summary>{t('scanSession.pasteTitle')}</summary>
            <TextAreaField
              label={t('scanSession.pasteLabel')}
              hint={t('scanSession.pasteHint')}
              rows={4}
              value={pasted}
              onChange={(event) => setPasted(event.target.value)}
              disabled={disabled}
            />
            <button type="button" className="button button-secondary" onClick={() => void onPaste()} disabled={disabled || !pasted.trim() || !!session.importing}>
              {t('scanSession.pasteAdd')}
            </button>
          </details>
          {session.importing ? (
            <div className="scan-progress scan-importing">
              <label htmlFor={`${reportName}-importing`}>
                {t('scanSessionProgress.reading', { done: session.importing.done, total: session.importing.total })}
              </label>
              <progress id={`${reportName}-importing`} max={session.importing.total} value={session.importing.done} />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`${reportName}-file`}>{t('scanSession.fileLabel')}</label>
            <input
              ref={fileInput}
              id={`${reportName}-file`}
              type="file"
              accept=".csv,.txt,.xml,text/csv,text/plain,application/xml,text/xml"
              disabled={disabled}
              onChange={(event) => void onFile(event)}
              aria-describedby={`${reportName}-file-hint`}
            />
            <p className="field-hint" id={`${reportName}-file-hint`}>
              {csvHint ?? t('scanSession.fileHint')}
            </p>
            {fileError ? <p className="field-error">{fileError}</p> : null}
          </div>
          {fileItems.length ? (
            <div className="scan-progress">
              <label htmlFor={`${reportName}-progress`}>{t('scanSession.fileProgress', { done: fileDone, total: fileItems.length })}</label>
              <progress id={`${reportName}-progress`} max={fileItems.length} value={fileDone} />
            </div>
          ) : null}
        </div>
      </div>

      <p className="scan-notice" role="status" aria-live="polite">
        {notice}
      </p>

      <div className="scan-summary" role="group" aria-label={t('scanSession.summary')}>
        <ul className="scan-counts">
          <li className="scan-count scan-count-accepted">
            <strong>{counts.accepted}</strong> {acceptedLabel}
            {session.units > counts.accepted ? <span> ({t('scanSession.units', { count: session.units })})</span> : null}
          </li>
          <li className="scan-count scan-count-rejected">
            <strong>{counts.rejected + counts.failed}</strong> {t('scanSession.count.rejected')}
          </li>
          <li className="scan-count scan-count-invalid">
            <strong>{counts.invalid}</strong> {t('scanSession.count.invalid')}
          </li>
          <li className="scan-count scan-count-queued">
            <strong>{waiting}</strong> {t('scanSession.count.waiting')}
          </li>
        </ul>
        <div className="button-row">
          {actions}
          {waiting && session.autoSend ? (
            <button type="button" className="button button-primary button-small" onClick={session.flush}>
              {t('scanSession.sendNow')}
            </button>
          ) : null}
          {counts.failed ? (
            <button type="button" className="button button-secondary button-small" onClick={session.retryFailed}>
              {t('scanSession.retryFailed')}
            </button>
          ) : null}
          <button type="button" className="button button-secondary button-small" onClick={downloadReport} disabled={!refused.length}>
            {t('scanSession.download')}
          </button>
          <button type="button" className="button button-quiet button-small" onClick={session.clear} disabled={!session.items.length}>
            {t('scanSession.clear')}
          </button>
        </div>
      </div>

      {session.items.length ? (
        <ol className="scan-list" aria-label={t('scanSession.listLabel')}>
          {shown.map((item) => (
            <li key={item.id} className={`scan-item scan-item-${item.state}`} data-state={item.state}>
              <span className="scan-item-badge">{t(`scanSession.state.${item.state}`)}</span>
              <span className="scan-item-body">
                <code className="scan-item-code">{item.code || t('scanSession.rowOnly', { row: item.row })}</code>
                <span className="scan-item-outcome">
                  {item.recalled ? <span className="badge badge-danger scan-item-recalled">{t('scanSession.recalled')}</span> : null}
                  {outcomeText(t, item, acceptedLabel)}
                </span>
                <span className="scan-item-meta">
                  {t(`scanSession.source.${item.source}`)}
                  {item.row ? ` · ${t('scanSession.row', { row: item.row })}` : ''}
                  {describe?.(item) ? ` · ${describe(item)}` : ''}
                </span>
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">{t('scanSession.empty')}</p>
      )}
      {session.items.length > SHOWN ? <p className="field-hint">{t('scanSession.more', { count: session.items.length - SHOWN })}</p> : null}
    </div>
  );
}

function ConnectionStatus({ session, waiting }: { session: ScanSessionState; waiting: number }) {
  const { t } = useTranslation();
  if (!session.online || session.connectionLost) {
    return (
      <Alert tone="warning" title={t(session.online ? 'scanSession.offline.lost' : 'scanSession.offline.title')}>
        {t('scanSession.offline.body', { count: waiting })}
      </Alert>
    );
  }
  if (session.recovered !== null) {
    return <Alert tone="success">{t('scanSession.offline.back', { count: session.recovered })}</Alert>;
  }
  if (session.persistFailed) return <Alert tone="warning">{t('scanSession.persistFailed')}</Alert>;
  return null;
}

/** The answer for one read, in words. */
export function outcomeText(t: TFunction, item: ScanItem, acceptedLabel: string, withDetail = false): string {
  const state: ItemState = item.state;
  switch (state) {
    case 'invalid':
      return codeProblem(t, parse(item.code))?.text ?? t('verify.problem.OTHER');
    case 'queued':
      return t('scanSession.waiting');
    case 'sending':
      return t('scanSession.sending');
    case 'accepted':
      return acceptedLabel;
    case 'rejected':
      return rejectionText(t, item, withDetail);
    case 'failed':
      return t(ERROR_MESSAGES[item.error ?? 'UNKNOWN']);
  }
}

/** Why the server refused a code, in words: its exact rule when named, else its reason. */
export function rejectionText(
  t: TFunction,
  rejection: { reason?: RejectionReason | null; rule?: RejectionRule | null; message?: string | null },
  withDetail = false,
): string {
  const sentence = rejection.rule ? t(`rule.${rejection.rule}`) : rejection.reason ? t(`rejection.${rejection.reason}`) : (rejection.message ?? '');
  return withDetail && rejection.message ? `${sentence} (${rejection.message})` : sentence;
}
