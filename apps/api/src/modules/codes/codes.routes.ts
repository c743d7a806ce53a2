import { once } from 'node:events';
import { csvLine } from '@jejak/csv';
import { Router, type Response } from 'express';
import { createContext, requestInfo, type ContextDeps } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { notFound } from '../../shared/errors.js';
import { issuedCodes, toIssuedCode, type IssuedRow } from './issued-codes.js';
import { codeForms } from './pack-code.js';

const CHUNK = 20_000;

/**
 * Printer files: `GET /api/code-requests/:id/codes.csv` and `…/codes.xml`, streamed, for the
 * manufacturer that asked for the codes and BPOM's supervisors and administrators.
 */
export function codeDownloads(deps: ContextDeps): Router {
  const router = Router();
  router.get('/api/code-requests/:id/codes.:format', async (req, res, next) => {
    try {
      const format = req.params.format;
      if (format !== 'csv' && format !== 'xml') throw notFound(`No download in format ${format}; use csv or xml`);
      const ctx = await createContext(deps, requestInfo(req, deps.trustProxy));
      requirePrincipal(ctx);
      const request = await ctx.services.codes.withReadableCodes(ctx, req.params.id);
      if (request.status !== 'ISSUED') throw notFound(`No issued code request with id ${req.params.id}`);
      const name = `jejak-${request.product.nie}-${request.batch.lot}-${request.id.slice(0, 8)}.${format}`;
      res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/xml; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`);
      const header =
        format === 'csv'
          ? csvLine(['level', 'serial', 'sscc', 'text', 'raw', 'digital_link'])
          : `<?xml version="1.0" encoding="UTF-8"?>\n<codes request="${xml(request.id)}" nie="${xml(request.product.nie)}" batch="${xml(request.batch.lot)}" expiry="${request.batch.expiry}">\n`;
      await write(res, header);
      for (let after = '0'; ; ) {
        const rows = await issuedCodes(deps.pool, request.id, after, CHUNK);
        if (rows.length === 0) break;
        const linkBase = ctx.services.codes.linkBase;
        await write(res, rows.map((row) => (format === 'csv' ? csvRow(row, linkBase) : xmlElement(row, linkBase))).join(''));
        after = rows.at(-1)!.id;
      }
      res.end(format === 'xml' ? '</codes>\n' : '');
    } catch (error) {
      next(error);
    }
  });
  return router;
}

async function write(res: Response, chunk: string) {
  if (!res.write(chunk)) await once(res, 'drain');
}

/** One code as a line of the printer file, written by the one CSV writer (formulas neutralised). */
function csvRow(row: IssuedRow, linkBase: string): string {
  const code = toIssuedCode(row, linkBase);
  return csvLine([code.level, code.serial, code.sscc, code.text, code.raw, code.digitalLink]);
}

const xml = (value: string) => value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** XML 1.0 cannot carry the GS separator, so a printer builds FNC1 from the elements. */
function xmlElement(row: IssuedRow, linkBase: string): string {
  const { elements, text, digitalLink } = codeForms(row, linkBase);
  const ais = elements.map((e) => `<element ai="${e.ai}">${xml(e.value)}</element>`).join('');
  const link = digitalLink ? `<digitalLink>${xml(digitalLink)}</digitalLink>` : '';
  return `  <code level="${row.level}">${ais}<text>${xml(text)}</text>${link}</code>\n`;
}
