import { useApolloClient } from '@apollo/client/react';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductInput } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { Alert } from '../../../shared/ui';
import { detectSeparator, saveFile, splitCells, splitLines, toCsv } from '../../scan-session/csv';
import { CreateProductMutation } from '../products.graphql';
import { gtin14, gtinProblem, nieProblem } from '../validation';

/** Header names each field may have, Indonesian or English. */
const COLUMNS: Record<keyof ProductInput, string[]> = {
  nie: ['nie', 'nomorizinedar'],
  name: ['name', 'nama', 'namaproduk', 'productname'],
  brand: ['brand', 'merek', 'merk'],
  form: ['form', 'bentuk', 'bentuksediaan', 'dosageform'],
  strength: ['strength', 'kekuatan'],
  packaging: ['packaging', 'kemasan'],
  producer: ['producer', 'produsen', 'manufacturer'],
  gtin: ['gtin'],
  serialised: ['serialised', 'serialized', 'serialisasi'],
};

interface Failure {
  row: number;
  nie: string;
  message: string;
}

/** Registers many products from a CSV file, one row each, with progress and a report of refused rows. */
export function ProductImport({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [created, setCreated] = useState(0);
  const [failures, setFailures] = useState<Failure[]>([]);
  const [fileError, setFileError] = useState('');

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setFileError('');
    setFailures([]);
    setCreated(0);
    const lines = splitLines((await file.text()).replace(/^\uFEFF/, ''));
    if (lines.length < 2) {
      setFileError(t('products.import.empty'));
      return;
    }
    const separator = detectSeparator(lines[0]!);
    const header = splitCells(lines[0]!, separator).map((name) => name.toLowerCase().replace(/[^a-z0-9]/g, ''));
    const index = Object.fromEntries(Object.entries(COLUMNS).map(([field, names]) => [field, header.findIndex((name) => names.includes(name))])) as Record<keyof ProductInput, number>;
    if (index.nie < 0 || index.name < 0) {
      setFileError(t('products.import.columns'));
      return;
    }
    const rows = lines.slice(1);
    const failed: Failure[] = [];
    let ok = 0;
    setProgress({ done: 0, total: rows.length });
    for (const [i, line] of rows.entries()) {
      const cells = splitCells(line, separator).map((cell) => cell.trim());
      const cell = (field: keyof ProductInput) => (index[field] >= 0 ? cells[index[field]] || undefined : undefined);
      const nie = cell('nie') ?? '';
      const problem = nieProblem(t, nie) ?? (cell('name') ? undefined : t('products.import.noName')) ?? gtinProblem(t, cell('gtin') ?? '');
      if (problem) failed.push({ row: i + 1, nie, message: problem });
      else {
        const serialised = cell('serialised');
        try {
          await client.mutate({
            mutation: CreateProductMutation,
            variables: {
              input: {
                nie: nie.toUpperCase(),
                name: cell('name')!,
                brand: cell('brand'),
                form: cell('form'),
                strength: cell('strength'),
                packaging: cell('packaging'),
                producer: cell('producer'),
                gtin: gtin14(cell('gtin') ?? ''),
                serialised: serialised === undefined ? undefined : !['0', 'false', 'tidak', 'no', 'n'].includes(serialised.toLowerCase()),
              },
            },
          });
          ok++;
        } catch (failure) {
          failed.push({ row: i + 1, nie, message: errorMessage(t, failure, { CONFLICT: 'products.errors.CONFLICT' }) });
        }
      }
      setProgress({ done: i + 1, total: rows.length });
      setCreated(ok);
      setFailures([...failed]);
    }
    onDone();
  }

  return (
    <div className="form">
      <div className="field">
        <label htmlFor="product-import-file">{t('products.import.file')}</label>
        <input id="product-import-file" type="file" accept=".csv,text/csv" onChange={(event) => void onFile(event)} aria-describedby="product-import-hint" />
        <p className="field-hint" id="product-import-hint">
          {t('products.import.hint')}
        </p>
        {fileError ? <p className="field-error">{fileError}</p> : null}
      </div>
      {progress ? (
        <div className="scan-progress">
          <label htmlFor="product-import-progress">{t('products.import.progress', { done: progress.done, total: progress.total })}</label>
          <progress id="product-import-progress" max={progress.total} value={progress.done} />
        </div>
      ) : null}
      {progress && progress.done === progress.total ? (
        <Alert tone={failures.length ? 'warning' : 'success'}>
          {t('products.import.result', { created, failed: failures.length })}
        </Alert>
      ) : null}
      {failures.length ? (
        <>
          <ul className="import-failures">
            {failures.slice(0, 20).map((failure) => (
              <li key={failure.row}>
                {t('scanSession.row', { row: failure.row })} {failure.nie ? <code>{failure.nie}</code> : null}: {failure.message}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => saveFile('jejak-produk-ditolak.csv', toCsv([[t('scanSession.report.row'), 'NIE', t('scanSession.report.message')], ...failures.map((f) => [f.row, f.nie, f.message])]))}
          >
            {t('scanSession.download')}
          </button>
        </>
      ) : null}
    </div>
  );
}
