import { parse } from '@jejak/gs1';
import bwipjs, { type RenderOptions } from 'bwip-js/browser';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Symbology = 'gs1-128' | 'gs1datamatrix';

/**
 * A shipment's barcode, (402) and its GSIN, drawn by bwip-js as SVG. The content is checked with
 * @jejak/gs1 (the same rules the scanners read it by) and bwip-js's own GS1 linter is switched off,
 * as for pack labels.
 */
export function barcodeSvg(content: string, bcid: Symbology): string | null {
  const parsed = parse(content);
  if (!parsed.valid || !parsed.bracketed || !parsed.elements.some((element) => element.ai === '402')) return null;
  // Quiet zones around the bars and the matrix, on white, so a scanner finds the edges on any paper.
  const size = bcid === 'gs1-128' ? { height: 14, scale: 2, paddingwidth: 10, paddingheight: 2 } : { scale: 4, paddingwidth: 2, paddingheight: 2 };
  // bwip-js's typings do not list dontlint.
  const options: RenderOptions & { dontlint: boolean } = { bcid, text: parsed.bracketed, dontlint: true, backgroundcolor: 'FFFFFF', ...size };
  try {
    return bwipjs.toSVG(options);
  } catch {
    return null;
  }
}

/**
 * The delivery note's barcodes: GS1-128 for a handheld laser scanner and GS1 DataMatrix for a
 * camera, with the content in human-readable form under them.
 */
export function ShipmentBarcode({ content }: { content: string }) {
  const { t } = useTranslation();
  const linear = useMemo(() => barcodeSvg(content, 'gs1-128'), [content]);
  const matrix = useMemo(() => barcodeSvg(content, 'gs1datamatrix'), [content]);
  if (!linear || !matrix) return <p className="field-error">{t('shipments.barcodeInvalid', { content })}</p>;
  return (
    <figure className="shipment-barcode">
      <div className="shipment-barcode-symbols">
        <div
          className="shipment-barcode-linear"
          data-symbology="gs1-128"
          role="img"
          aria-label={t('shipments.barcodeLinear', { content })}
          dangerouslySetInnerHTML={{ __html: linear }}
        />
        <div
          className="shipment-barcode-matrix"
          data-symbology="gs1datamatrix"
          role="img"
          aria-label={t('shipments.barcodeMatrix', { content })}
          dangerouslySetInnerHTML={{ __html: matrix }}
        />
      </div>
      <figcaption className="shipment-barcode-text">{content}</figcaption>
    </figure>
  );
}
