import { parse } from '@jejak/gs1';
import bwipjs, { type RenderOptions } from 'bwip-js/browser';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One GS1 DataMatrix drawn by bwip-js as SVG. BPOM codes ((90) without (01)) fail bwip-js's GS1
 * linter, so it is switched off and the code is checked with @jejak/gs1 instead.
 */
function symbolSvg(text: string): string | null {
  const parsed = parse(text);
  if (!parsed.valid || !parsed.bracketed) return null;
  const options = { bcid: 'gs1datamatrix', text: parsed.bracketed, ...(parsed.profile === 'BPOM' ? { dontlint: true } : {}) } as RenderOptions;
  try {
    return bwipjs.toSVG(options);
  } catch {
    return null;
  }
}

/** The human-readable lines under the symbol: one element string each. */
export const humanReadable = (text: string) => text.split(/(?=\(\d{2,4}\))/).filter(Boolean);

export function DataMatrixLabel({ text, caption }: { text: string; caption?: string }) {
  const { t } = useTranslation();
  const svg = useMemo(() => symbolSvg(text), [text]);
  return (
    <figure className="label">
      {svg ? (
        <div className="label-symbol" role="img" aria-label={t('labels.symbolOf', { code: text })} dangerouslySetInnerHTML={{ __html: svg }} />
      ) : (
        <div className="label-symbol label-invalid">{t('labels.invalid')}</div>
      )}
      <figcaption className="label-text">
        {caption ? <span className="label-caption">{caption}</span> : null}
        {humanReadable(text).map((line, index) => (
          <span key={index}>{line}</span>
        ))}
      </figcaption>
    </figure>
  );
}
