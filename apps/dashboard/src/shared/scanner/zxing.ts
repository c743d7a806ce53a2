// Everything that touches the ZXing decoder. Loaded on demand (see useCameraScanner), so the
// decoder's few hundred kilobytes reach only pages that scan.
import { BrowserMultiFormatReader } from '@zxing/browser';
import { BarcodeFormat, ChecksumException, DecodeHintType, FormatException, NotFoundException, type Result } from '@zxing/library';
import type { ScanFormat } from './read';

export type { IScannerControls } from '@zxing/browser';
export type { Result };

const ZXING_FORMATS: Record<ScanFormat, BarcodeFormat> = {
  DATA_MATRIX: BarcodeFormat.DATA_MATRIX,
  QR_CODE: BarcodeFormat.QR_CODE,
};

/** A continuous reader for the given symbologies, trying hard (rotated, small or blurred codes). */
export function createReader(formats: readonly ScanFormat[]) {
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, formats.map((format) => ZXING_FORMATS[format])],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  return new BrowserMultiFormatReader(hints, {
    delayBetweenScanAttempts: 80,
    delayBetweenScanSuccess: 250,
    tryPlayVideoTimeout: 10_000,
  });
}

/** Failures the decode loop shrugs off before trying the next frame. */
export const isRetryable = (error: unknown) =>
  error instanceof NotFoundException || error instanceof ChecksumException || error instanceof FormatException;

export function formatOf(result: Result): ScanFormat | undefined {
  const format = result.getBarcodeFormat();
  if (format === BarcodeFormat.DATA_MATRIX) return 'DATA_MATRIX';
  if (format === BarcodeFormat.QR_CODE) return 'QR_CODE';
  return undefined;
}
